import { describe, expect, it } from 'vitest';
import { addTags, splitTags } from './tags';

describe('tags', () => {
  it('splits pasted text on semicolons and bars, as a CSV import does; a comma stays in its tag', () => {
    expect(splitTags(' senior; remote|backend | ;')).toEqual(['senior', 'remote', 'backend']);
    expect(splitTags('Sales, EMEA; remote')).toEqual(['Sales, EMEA', 'remote']);
  });

  it('adds new tags, skipping case-insensitive duplicates, up to the limit', () => {
    expect(addTags(['Senior'], 'senior; remote', 50)).toEqual(['Senior', 'remote']);
    expect(addTags(['a', 'b'], 'c; d', 3)).toEqual(['a', 'b', 'c']);
  });

  it('returns the same list when nothing changes (no needless re-render)', () => {
    const current = ['senior'];
    expect(addTags(current, 'SENIOR', 50)).toBe(current);
  });
});
