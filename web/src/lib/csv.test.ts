import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvCell, writeCsvCell } from '../../../src/lib/csv-cells';
import { detectDelimiter, parseCsv, toCsv, toSpreadsheetCsv } from './csv';

describe('parseCsv', () => {
  it('reads a header and rows with CRLF or LF line ends and a byte order mark', () => {
    const table = parseCsv('\uFEFFname,email\r\nJane,jane@example.com\nCarlos,carlos@yourco.com\n');
    expect(table.header).toEqual(['name', 'email']);
    expect(table.rows).toEqual([
      ['Jane', 'jane@example.com'],
      ['Carlos', 'carlos@yourco.com'],
    ]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const table = parseCsv('name,notes\n"Smith, Jane","said ""hi""\nthen left"\n');
    expect(table.rows).toEqual([['Smith, Jane', 'said "hi"\nthen left']]);
  });

  it('skips blank lines and keeps empty fields', () => {
    const table = parseCsv('a,b,c\n\n1,,3\n\n');
    expect(table.rows).toEqual([['1', '', '3']]);
  });

  it('reads files separated by semicolons or tabs', () => {
    expect(detectDelimiter('name;email;tags\nJane;j@x.io;a|b')).toBe(';');
    expect(parseCsv('name\temail\nJane\tj@x.io').rows).toEqual([['Jane', 'j@x.io']]);
    expect(parseCsv('name;email\n"Smith; Jane";j@x.io').rows).toEqual([['Smith; Jane', 'j@x.io']]);
  });

  it('reads the last record without a trailing newline', () => {
    expect(parseCsv('name,email\nJane,j@x.io').rows).toEqual([['Jane', 'j@x.io']]);
  });
});

describe('toCsv', () => {
  it('quotes only what needs quoting and round-trips through parseCsv', () => {
    const rows = [
      ['name', 'note'],
      ['Smith, Jane', 'said "hi"'],
      ['Plain', 'multi\nline'],
    ];
    const text = toCsv(rows);
    expect(text.split('\r\n')[0]).toBe('name,note');
    expect(text).toContain('"Smith, Jane","said ""hi"""');
    const back = parseCsv(text);
    expect([back.header, ...back.rows]).toEqual(rows);
  });
});

describe('rows that do not match the header', () => {
  it('names each row whose field count differs, with its row number and line', async () => {
    const { raggedRows } = await import('./csv');
    const table = parseCsv('name,email,tags\nJane,jane@x.test,a\n"Smith, Carlos,carlos@x.test,b\n');
    // The quote before Smith is never closed: the rest of the file is one field.
    expect(table.unclosedQuoteLine).toBe(3);
    expect(raggedRows(table)).toEqual([{ row: 3, line: 3, fields: 1 }]);

    const shifted = parseCsv('name,email,tags\nJane,jane@x.test,a\n"Multi\nline",x@x.test,b\nSmith, Carlos,carlos@x.test,b\n');
    expect(shifted.unclosedQuoteLine).toBeUndefined();
    expect(shifted.lines).toEqual([2, 3, 5]);
    expect(raggedRows(shifted)).toEqual([{ row: 4, line: 5, fields: 4 }]);
  });
});

describe('cells for spreadsheets (shared with the server)', () => {
  it('never start with a formula character, and read back exactly', () => {
    const formulaish = fc.tuple(fc.constantFrom('', "'", "''"), fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'a', ' '), fc.string());
    fc.assert(
      fc.property(fc.oneof(fc.string(), formulaish.map((parts) => parts.join(''))), (value) => {
        const cell = writeCsvCell(value);
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(readCsvCell(cell)).toBe(value);
      }),
      { numRuns: 2000 },
    );
    expect(writeCsvCell('=1+1')).toBe("'=1+1");
    expect(writeCsvCell("'=1+1")).toBe("''=1+1");
    expect(writeCsvCell("'plain")).toBe("'plain");
    expect(writeCsvCell('plain')).toBe('plain');
  });

  it('toSpreadsheetCsv writes every cell safely; toCsv (for the API) leaves cells as they are', () => {
    const rows = [['name'], ['=HYPERLINK("x")'], ['@cmd'], ['-1'], ['+1']];
    expect(parseCsv(toSpreadsheetCsv(rows)).rows).toEqual([["'=HYPERLINK(\"x\")"], ["'@cmd"], ["'-1"], ["'+1"]]);
    expect(parseCsv(toCsv(rows)).rows).toEqual(rows.slice(1));
  });
});
