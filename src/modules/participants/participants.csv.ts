import { Readable, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { AppError, type ErrorIssue } from '../../errors.js';
import { readCsvCell, writeCsvCell } from '../../lib/csv-cells.js';
import { isSafeText } from '../../lib/validation.js';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, type Participant } from './participants.schemas.js';

/**
 * The CSV side of participants: reading an import file (csv-parse, streamed, UTF-8 with or
 * without BOM, CRLF or LF, quoted fields) and writing an export (csv-stringify). An export
 * has the import's columns, so it imports back as it is: cells that a spreadsheet would run as
 * formulas are written with a leading `'`, which the import removes (lib/csv-cells.ts).
 */


/** Written by the export for reference; accepted and ignored by the import. */
const READ_ONLY_COLUMNS = ['id', 'created_at', 'updated_at'] as const;

export const EXPORT_COLUMNS = [...IMPORT_COLUMNS, ...READ_ONLY_COLUMNS];

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type CsvCells = Partial<Record<ImportColumn, string>>;

export interface CsvRow {
  /** The row's number in the file, the header being row 1 (as a spreadsheet shows it). */
  index: number;
  /** The line where the row starts (differs from index when a quoted cell spans lines). */
  line: number;
  cells: CsvCells;
}

/** A cell of `tags` holds several, separated by `;` or `|`. */
const TAG_SEPARATOR = /[;|]/;
const FEED_CHUNK_BYTES = 64 * 1024;

function* chunksOf(buffer: Buffer): Generator<Buffer> {
  for (let start = 0; start < buffer.length; start += FEED_CHUNK_BYTES) yield buffer.subarray(start, start + FEED_CHUNK_BYTES);
}

/** Line numbers from byte offsets: counts newlines once, front to back. */
class LineCounter {
  private position = 0;
  private line = 1;

  constructor(private readonly buffer: Buffer) {}

  /** The line of the first non-newline byte at or after `offset`. */
  lineOfRecordAt(offset: number): number {
    let start = offset;
    while (start < this.buffer.length && (this.buffer[start] === 0x0a || this.buffer[start] === 0x0d)) start += 1;
    for (;;) {
      const next = this.buffer.indexOf(0x0a, this.position);
      if (next === -1 || next >= start) break;
      this.line += 1;
      this.position = next + 1;
    }
    return this.line;
  }
}

function csvError(line: number, reason: string): AppError {
  return new AppError(
    'invalid_csv',
    `The CSV file is malformed at line ${line}: ${reason}. Nothing was imported.`,
    [{ path: `line ${line}`, message: reason, code: 'malformed_csv' }],
    { line },
  );
}

function reasonOf(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other characters (a quote inside a field must be doubled)';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'the row does not have as many fields as the header';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside a field that does not start with one (quote the whole field, and double the quotes inside it)';
    default:
      return error.message.replace(/\s*(at|on) line \d+.*$/s, '');
  }
}

function headerColumns(record: string[]): (ImportColumn | null)[] {
  const names = record.map((name) => name.trim().toLowerCase());
  const known = new Set<string>([...IMPORT_COLUMNS, ...READ_ONLY_COLUMNS]);
  const unknown = names.filter((name) => !known.has(name));
  const duplicated = names.filter((name, i) => names.indexOf(name) !== i);
  const missing = (['name', 'email'] as const).filter((name) => !names.includes(name));
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(`unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}`);
  if (duplicated.length > 0) problems.push(`repeated column(s) ${duplicated.map((n) => `"${n}"`).join(', ')}`);
  if (missing.length > 0) problems.push(`missing required column(s) ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw new AppError(
      'invalid_csv',
      `The CSV header (line 1) has ${problems.join('; ')}. Known columns: ${IMPORT_COLUMNS.join(', ')}.`,
      [{ path: 'line 1', message: problems.join('; '), code: 'invalid_header' }],
      { line: 1 },
    );
  }
  return names.map((name) => ((IMPORT_COLUMNS as readonly string[]).includes(name) ? (name as ImportColumn) : null));
}

/**
 * Reads the rows of an import file as they are parsed. A malformed file (unclosed quote, a
 * row with the wrong number of fields, a bad header) is an AppError naming the line; more
 * than MAX_IMPORT_ROWS rows is `batch_too_large`.
 */
export async function* readCsvRows(text: string, onHeader?: (columns: ImportColumn[]) => void): AsyncGenerator<CsvRow> {
  const buffer = Buffer.from(text, 'utf8');
  const lines = new LineCounter(buffer);
  // Where the last record the parser accepted ends: on an error, records parsed ahead of the
  // loop below are dropped, and the failing record starts here.
  let parsedEnd = 0;
  const parser = Readable.from(chunksOf(buffer)).pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: (record, context) => {
        parsedEnd = context.bytes;
        return record;
      },
    }),
  );
  let columns: (ImportColumn | null)[] | undefined;
  let recordEnd = 0;
  let index = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const line = lines.lineOfRecordAt(recordEnd);
      recordEnd = info.bytes;
      index += 1;
      if (columns === undefined) {
        if (!record.every(isSafeText)) throw csvError(line, 'the header contains a NUL character (is the file UTF-16? Save it as CSV UTF-8)');
        columns = headerColumns(record);
        onHeader?.(columns.filter((column): column is ImportColumn => column !== null));
        continue;
      }
      if (index - 1 > MAX_IMPORT_ROWS) {
        throw new AppError('batch_too_large', `The file has more than ${MAX_IMPORT_ROWS} rows. Split it; nothing was imported.`);
      }
      if (!record.every(isSafeText)) {
        throw csvError(line, 'a field contains a NUL character (is the file UTF-16 or not text at all? Save it as CSV UTF-8)');
      }
      const cells: CsvCells = {};
      columns.forEach((column, i) => {
        const value = readCsvCell(record[i]?.trim() ?? '');
        if (column !== null && value !== '') cells[column] = value;
      });
      yield { index, line, cells };
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof AppError) throw error;
    // Every parse error is a CsvError (its codes mostly start with CSV_, INVALID_OPENING_QUOTE does not).
    if (error instanceof CsvError) throw csvError(lines.lineOfRecordAt(parsedEnd), reasonOf(error));
    throw error;
  }
  if (columns === undefined) {
    throw new AppError('invalid_csv', 'The CSV file is empty: it needs a header row (name, email, …).', [
      { path: 'line 1', message: 'is missing the header row', code: 'invalid_header' },
    ]);
  }
}

/** The body of `POST /participants` a row stands for, template aside (resolved by the caller). */
export function rowToBody(cells: CsvCells): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (cells.name !== undefined) body['name'] = cells.name;
  if (cells.email !== undefined) body['email'] = cells.email;
  if (cells.external_id !== undefined) body['external_id'] = cells.external_id;
  if (cells.phone !== undefined) body['phone'] = cells.phone;
  if (cells.resume_url !== undefined) body['resume_url'] = cells.resume_url;
  if (cells.status !== undefined) body['status'] = cells.status.toLowerCase();
  if (cells.tags !== undefined) {
    const tags = cells.tags
      .split(TAG_SEPARATOR)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
    if (tags.length > 0) body['tags'] = tags;
  }
  const profile: Record<string, string> = {};
  if (cells.title !== undefined) profile['title'] = cells.title;
  if (cells.organization !== undefined) profile['organization'] = cells.organization;
  if (cells.experience_level !== undefined) profile['experienceLevel'] = cells.experience_level;
  if (cells.location !== undefined) profile['location'] = cells.location;
  if (Object.keys(profile).length > 0) body['profile'] = profile;
  return body;
}

const ISSUE_COLUMN: Record<string, string> = {
  'profile.title': 'title',
  'profile.organization': 'organization',
  'profile.experienceLevel': 'experience_level',
  'profile.location': 'location',
};

/**
 * Issues named by CSV column (`profile.experienceLevel` → `experience_level`, `tags.3` → `tags`),
 * without the vaguer issue of a parent object (`profile`) when a column says more.
 */
export function issuesByColumn(issues: readonly ErrorIssue[]): ErrorIssue[] {
  const out = new Map<string, ErrorIssue>();
  for (const issue of issues) {
    const vague = issue.code === 'invalid_value' && issues.some((other) => other.path.startsWith(`${issue.path}.`));
    if (vague) continue;
    const path = ISSUE_COLUMN[issue.path] ?? issue.path.replace(/^tags\.\d+$/, 'tags');
    if (!out.has(path)) out.set(path, { ...issue, path });
  }
  return [...out.values()];
}

function exportRecord(p: Participant, templateName: string | null): string[] {
  return [
    p.name,
    p.email,
    p.evaluation_template_id ?? '',
    templateName ?? '',
    p.external_id ?? '',
    p.phone ?? '',
    p.tags.join(';'),
    p.resume_url ?? '',
    p.profile?.title ?? '',
    p.profile?.organization ?? '',
    p.profile?.experienceLevel ?? '',
    p.profile?.location ?? '',
    p.status,
    p.id,
    p.created_at,
    p.updated_at,
  ];
}

/** Streams pages of participants out as CSV (RFC 4180: CRLF, quoted where needed). */
export function exportCsv(
  pages: AsyncIterable<Participant[]>,
  templateName: (id: string) => Promise<string | null>,
): Readable {
  async function* records(): AsyncGenerator<string[]> {
    for await (const page of pages) {
      for (const participant of page) {
        const name = participant.evaluation_template_id === null ? null : await templateName(participant.evaluation_template_id);
        yield exportRecord(participant, name).map(writeCsvCell);
      }
    }
  }
  const output = stringify({ header: true, columns: EXPORT_COLUMNS, record_delimiter: '\r\n' });
  // pipeline() destroys the output when reading fails, which aborts the response.
  pipeline(Readable.from(records()), output, () => undefined);
  return output;
}
