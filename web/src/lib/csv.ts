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
  /** The line of the file where each data record starts (same order as rows). */
  lines: number[];
  /** Set when a quote opened on this line is never closed: the rest of the file became one field. */
  unclosedQuoteLine?: number;
}

/** A record whose number of fields differs from the header's: a quote is usually missing or extra. */
export interface RaggedRow {
  /** The row number as a spreadsheet shows it (the header is row 1), as import results count. */
  row: number;
  line: number;
  fields: number;
}

/** Rows whose field count differs from the header's (the import refuses such a file). */
export function raggedRows(table: CsvTable): RaggedRow[] {
  const out: RaggedRow[] = [];
  table.rows.forEach((record, i) => {
    if (record.length !== table.header.length) out.push({ row: i + 2, line: table.lines[i] ?? i + 2, fields: record.length });
  });
  return out;
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
  const starts: number[] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    // A line with nothing on it is not a record.
    if (!(record.length === 1 && record[0] === '')) {
      records.push(record);
      starts.push(recordLine);
    }
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
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\r') {
      endRecord();
      if (text[i + 1] === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else if (ch === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  const [header = [], ...rows] = records;
  const table: CsvTable = { delimiter, header: header.map((h) => h.trim()), rows, lines: starts.slice(1) };
  if (inQuotes) table.unclosedQuoteLine = quoteLine;
  return table;
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
