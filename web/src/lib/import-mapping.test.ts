import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { autoMapColumns, buildImportCsv, describeIssues, failuresCsv, mappingProblems, rowOfResult, type RowOutcome } from './import-mapping';

describe('autoMapColumns', () => {
  it('maps the documented column names to themselves', () => {
    expect(autoMapColumns(['name', 'email', 'template_name', 'external_id', 'tags', 'experience_level'])).toEqual([
      'name',
      'email',
      'template_name',
      'external_id',
      'tags',
      'experience_level',
    ]);
  });

  it('recognises common spreadsheet headers, whatever their case and separators', () => {
    expect(autoMapColumns(['Full Name', 'E-mail Address', 'Company', 'Job Title', 'Candidate ID', 'Favourite colour'])).toEqual([
      'name',
      'email',
      'organization',
      'title',
      'external_id',
      null,
    ]);
  });

  it('uses a field once, preferring the exact name over a synonym', () => {
    expect(autoMapColumns(['Work email', 'Email'])).toEqual([null, 'email']);
  });
});

describe('mappingProblems', () => {
  it('asks for name and email', () => {
    const problems = mappingProblems(['name', null]);
    expect(problems.map((p) => p.field)).toEqual(['email']);
  });

  it('refuses a field chosen twice and both template columns at once', () => {
    expect(mappingProblems(['name', 'email', 'email']).some((p) => p.field === 'email')).toBe(true);
    expect(mappingProblems(['name', 'email', 'template_name', 'evaluation_template_id']).some((p) => p.field === 'template_name')).toBe(true);
    expect(mappingProblems(['name', 'email', 'tags', null])).toEqual([]);
  });
});

describe('buildImportCsv', () => {
  it('renames mapped columns to field names, drops ignored ones, and writes commas', () => {
    const table = parseCsv('Full Name;Mail;Colour;Tags\n"Smith, Jane";jane@example.com;blue;a|b\n');
    const csv = buildImportCsv(table, ['name', 'email', null, 'tags']);
    expect(csv).toBe('name,email,tags\r\n"Smith, Jane",jane@example.com,a|b\r\n');
  });
});

describe('import outcomes', () => {
  const table = parseCsv('name,email\nJane,jane@example.com\nBad,not-an-email\nJane again,jane@example.com\n');
  const created: RowOutcome = { index: 2, status: 'created', id: 'a' };
  const failed: RowOutcome = { index: 3, status: 'failed', issues: [{ path: 'email', message: 'must be a valid email', code: 'invalid_format' }] };
  const skipped: RowOutcome = { index: 4, status: 'skipped', existing_id: 'a' };
  const outcomes = [created, failed, skipped];

  it('finds the file row of a result (header is row 1)', () => {
    expect(rowOfResult(table, 3)).toEqual(['Bad', 'not-an-email']);
  });

  it('describes why a row failed or was skipped', () => {
    expect(describeIssues(failed)).toBe('email must be a valid email');
    expect(describeIssues(skipped)).toMatch(/already exists/i);
    expect(describeIssues(created)).toBe('');
  });

  it('writes the failed rows with their row number and reason', () => {
    const csv = failuresCsv(table, outcomes);
    expect(parseCsv(csv).header).toEqual(['row', 'name', 'email', 'error']);
    expect(parseCsv(csv).rows).toEqual([['3', 'Bad', 'not-an-email', 'email must be a valid email']]);
  });

  it('writes cells a spreadsheet would run as formulas as text, meaning what the import read from them', () => {
    const file = parseCsv("name,email\n=cmd|' /C calc'!A0,a@example.com\n'=quoted,b@example.com\n@SUM(1),c\n");
    const failures: RowOutcome[] = [2, 3, 4].map((index) => ({ index, status: 'failed', issues: [{ path: 'email', message: '=bad', code: 'x' }] }));
    const rows = parseCsv(failuresCsv(file, failures)).rows;
    expect(rows).toEqual([
      ['2', "'=cmd|' /C calc'!A0", 'a@example.com', 'email =bad'],
      // "'=quoted" is what the import reads as "=quoted": written the same way again.
      ['3', "'=quoted", 'b@example.com', 'email =bad'],
      ['4', "'@SUM(1)", 'c', 'email =bad'],
    ]);
  });
});
