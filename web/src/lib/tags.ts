export const TAG_MAX_LENGTH = 64;

/**
 * What separates tags, everywhere: `;` and `|`, as in a CSV import's `tags` cell (and the API
 * refuses both inside a tag). A comma is part of a tag ("Sales, EMEA"), so a tag created with one
 * can be typed into the filter as it is.
 */
export const TAG_SEPARATORS = /[;|]/;

/** Splits typed or pasted text into tags at `;` or `|`; blanks dropped. */
export function splitTags(text: string): string[] {
  return text
    .split(TAG_SEPARATORS)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * Adds the tags in `text` to `current`, skipping case-insensitive duplicates (as the API does)
 * and stopping at `max`. Returns `current` itself when nothing changed.
 */
export function addTags(current: string[], text: string, max: number): string[] {
  const seen = new Set(current.map((t) => t.toLowerCase()));
  const next = [...current];
  for (const raw of splitTags(text)) {
    const tag = raw.slice(0, TAG_MAX_LENGTH);
    if (next.length >= max) break;
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    next.push(tag);
  }
  return next.length === current.length ? current : next;
}
