/** Text read from a resume, as stored and matched: normalised, capped. */

export const RESUME_MAX_CHARACTERS = 200_000;

/**
 * Compatibility forms folded (PDF ligatures such as "ﬁ" become "fi"), line breaks unified,
 * control and zero-width characters dropped, runs of spaces collapsed, lines trimmed, at most one
 * blank line in a row, and at most `maxCharacters` characters (code points, never a half pair).
 */
export function normaliseText(raw: string, maxCharacters = RESUME_MAX_CHARACTERS): { text: string; characters: number } {
  // Far more input than can be kept is cut first, so normalising a 10 MiB text file stays cheap.
  const input = raw.length > maxCharacters * 4 ? raw.slice(0, maxCharacters * 4).replace(/[\uD800-\uDBFF]$/, '') : raw;
  const text = input
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- control characters are what these two lines replace
    .replace(/\r\n?|[\u2028\u2029\u000B\u000C\u0085]/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  let end = 0;
  let characters = 0;
  while (end < text.length && characters < maxCharacters) {
    end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    characters += 1;
  }
  if (end === text.length) return { text, characters };
  const kept = text.slice(0, end).trimEnd();
  return { text: kept, characters: characters - (end - kept.length) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The skills found in the text: case-insensitive, on word boundaries ("Go" is not found in
 * "Google", "C" not in "C++" or "C#"), spaces inside a skill matching any run of whitespace.
 * A skill starting or ending with a symbol ("C++", ".NET") is bounded only on its word side.
 * Returned in the given order and spelling.
 */
export function matchSkills(text: string, skills: readonly string[]): string[] {
  const haystack = text.normalize('NFKC');
  const found: string[] = [];
  for (const skill of skills) {
    const needle = skill.normalize('NFKC').trim();
    if (needle === '') continue;
    const body = needle.split(/\s+/).map(escapeRegExp).join('\\s+');
    const before = WORD.test(needle.charAt(0)) ? '(?<![\\p{L}\\p{N}_])' : '';
    const after = WORD.test(needle.charAt(needle.length - 1)) ? '(?![\\p{L}\\p{N}_+#])' : '';
    if (new RegExp(`${before}${body}${after}`, 'iu').test(haystack)) found.push(skill);
  }
  return found;
}
