import { readCsvCell } from '../../../src/lib/csv-cells';
import type { ImportReport } from '../api/models';
import { toCsv, toSpreadsheetCsv, type CsvTable } from './csv';

/** A column the import endpoint reads: the API's own list, from the OpenAPI document. */
export type ImportField = ImportReport['columns'][number];

/** One entry per column of the file: the field it fills, or null to leave it out. */
export type ColumnMapping = (ImportField | null)[];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name',
  email: 'Email',
  evaluation_template_id: 'Template ID',
  template_name: 'Template name',
  external_id: 'External ID',
  phone: 'Phone',
  tags: 'Tags',
  resume_url: 'Resume URL',
  title: 'Title',
  organization: 'Organization',
  experience_level: 'Experience level',
  location: 'Location',
  status: 'Status',
};

/** Every field, in the order the endpoint documents them (a Record keyed by the API's enum: none missing, none extra). */
export const IMPORT_FIELDS: readonly ImportField[] = Object.keys(IMPORT_FIELD_LABELS) as ImportField[];

const SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'full name', 'fullname', 'participant', 'participant name', 'candidate', 'candidate name', 'student', 'trainee'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'work email'],
  evaluation_template_id: ['evaluation template id', 'template id', 'evaluation_template_id'],
  template_name: ['template', 'template name', 'evaluation template', 'role', 'program', 'position', 'job'],
  external_id: ['external id', 'externalid', 'id', 'candidate id', 'employee id', 'student id', 'ats id', 'user id'],
  phone: ['phone', 'phone number', 'mobile', 'telephone', 'tel'],
  tags: ['tags', 'tag', 'labels', 'label'],
  resume_url: ['resume', 'resume url', 'cv', 'cv url', 'resume link'],
  title: ['title', 'job title', 'current title', 'headline'],
  organization: ['organization', 'organisation', 'company', 'employer', 'school', 'org', 'department'],
  experience_level: ['experience level', 'experiencelevel', 'experience', 'seniority', 'level'],
  location: ['location', 'city', 'country', 'place'],
  status: ['status', 'state'],
};

function normalise(header: string): string {
  return header
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Guesses the field of each column from its header; each field is used at most once. */
export function autoMapColumns(header: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  const mapping: ColumnMapping = header.map(() => null);
  // Exact field names first, then synonyms, so "email" wins over "work email".
  const passes: ((h: string, field: ImportField) => boolean)[] = [
    (h, field) => h === normalise(field),
    (h, field) => SYNONYMS[field].some((s) => normalise(s) === h),
  ];
  for (const matches of passes) {
    header.forEach((raw, index) => {
      if (mapping[index] !== null) return;
      const h = normalise(raw);
      const field = IMPORT_FIELDS.find((f) => !used.has(f) && matches(h, f));
      if (field !== undefined) {
        mapping[index] = field;
        used.add(field);
      }
    });
  }
  return mapping;
}

export interface MappingProblem {
  field: ImportField | null;
  message: string;
}

/** What keeps a mapping from being imported: a missing name or email, a field used twice. */
export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const required of ['name', 'email'] as const) {
    if (!mapping.includes(required)) {
      problems.push({ field: required, message: `Choose the column that holds the ${IMPORT_FIELD_LABELS[required].toLowerCase()}.` });
    }
  }
  const seen = new Set<ImportField>();
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field)) problems.push({ field, message: `${IMPORT_FIELD_LABELS[field]} is chosen for more than one column.` });
    seen.add(field);
  }
  if (mapping.includes('evaluation_template_id') && mapping.includes('template_name')) {
    problems.push({ field: 'template_name', message: 'Use either the template ID or the template name column, not both.' });
  }
  return problems;
}

/** The file as the API reads it: the mapped columns only, under their field names, comma-separated. */
export function buildImportCsv(table: CsvTable, mapping: ColumnMapping): string {
  const kept = mapping.flatMap((field, index) => (field === null ? [] : [{ field, index }]));
  const header = kept.map((k) => k.field);
  const rows = table.rows.map((row) => kept.map((k) => row[k.index] ?? ''));
  return toCsv([header, ...rows]);
}

export interface RowOutcome {
  index: number;
  status: 'created' | 'skipped' | 'failed';
  id?: string;
  existing_id?: string;
  issues?: { path: string; message: string; code: string }[];
}

/** The file row of an import result: results count rows from 1 with the header as row 1. */
export function rowOfResult(table: CsvTable, index: number): string[] | undefined {
  return table.rows[index - 2];
}

export function describeIssues(outcome: RowOutcome): string {
  if (outcome.status === 'skipped') return 'Already exists (duplicate email for this template)';
  if (outcome.issues === undefined || outcome.issues.length === 0) return outcome.status === 'failed' ? 'Invalid row' : '';
  return outcome.issues.map((i) => (i.path === '' ? i.message : `${i.path} ${i.message}`)).join('; ');
}

/**
 * The rows that failed, with their original columns, the row number and the reason: a file to
 * open in a spreadsheet, so every cell is written safely. A cell holds what the import read from
 * it (trimmed, a leading `'` before a formula character removed), written again the way an
 * export writes it: fixed and imported again, the row means what it meant the first time.
 */
export function failuresCsv(table: CsvTable, outcomes: readonly RowOutcome[]): string {
  const rows: string[][] = [['row', ...table.header, 'error']];
  for (const outcome of outcomes) {
    if (outcome.status !== 'failed') continue;
    const row = rowOfResult(table, outcome.index) ?? [];
    const cells = table.header.map((_, i) => readCsvCell((row[i] ?? '').trim()));
    rows.push([String(outcome.index), ...cells, describeIssues(outcome)]);
  }
  return toSpreadsheetCsv(rows);
}
