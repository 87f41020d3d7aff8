export const TAG_MAX_LENGTH = 64;

/** Splits typed or pasted text into tags: `,` `;` `|` separate; blanks dropped. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;|]/)
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
