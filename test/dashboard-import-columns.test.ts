import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../src/modules/participants/participants.csv.js';

describe('the dashboard import mapping', () => {
  it('offers exactly the columns the import endpoint reads', () => {
    // The dashboard is built separately, so it keeps its own list; this keeps the two equal.
    const source = readFileSync(new URL('../web/src/lib/import-mapping.ts', import.meta.url), 'utf8');
    const block = /export const IMPORT_FIELDS = \[([^\]]*)\]/.exec(source)?.[1];
    expect(block).toBeDefined();
    const fields = [...(block ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(fields).toEqual([...IMPORT_COLUMNS]);
  });
});
