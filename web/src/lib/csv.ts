import { writeCsvCell } from '../../../src/lib/csv-cells';

/**
 * A small RFC 4180 CSV reader and writer for the import preview: quoted fields with commas,
 * quotes ("") and line breaks, CRLF or LF line ends, a UTF-8 byte order mark, and files
 * separated by `;` or tabs (as spreadsheet programs in many locales write them).
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Data records (the header excluded); blank lines skipped. */
  rows: string[][];
}

/** Picks the separator that splits the first line into the most columns. */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = firstRecordText(text);
  let best: Delimiter = ',';
  let bestCount = -1;
  for (const candidate of [',', ';', '\t'] as const) {
    const count = splitOutsideQuotes(firstLine, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function firstRecordText(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if ((ch === '\n' || ch === '\r') && !inQuotes) return text.slice(0, i);
  }
  return text;
}

function splitOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count += 1;
  }
  return count;
}

export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    // A line with nothing on it is not a record.
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\r') {
      endRecord();
      if (text[i + 1] === '\n') i += 1;
    } else if (ch === '\n') {
      endRecord();
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  const [header = [], ...rows] = records;
  return { delimiter, header: header.map((h) => h.trim()), rows };
}

function escapeField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Comma-separated, CRLF line ends, quoting only where needed; cells as they are (for the API). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(escapeField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A file for people to open in a spreadsheet: like toCsv, with every cell that a spreadsheet
 * would run as a formula written as text (the server's export does the same, and its import
 * reads such cells back exactly; see src/lib/csv-cells.ts).
 */
export function toSpreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return toCsv(rows.map((row) => row.map(writeCsvCell)));
}
