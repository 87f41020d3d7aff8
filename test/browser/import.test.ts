import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest } from './harness.js';

// A spreadsheet export with its own headers: a semicolon-separated file, a column Docket does
// not know, a duplicate of a stored participant, a duplicate inside the file, a bad email and
// an unknown template.
const MIXED_CSV = [
  'Full Name;E-mail;Role;Tags;Favourite colour',
  'Jane Smith;jane@example.com;Backend Engineer;senior|backend;blue',
  '"Reyes, Carlos";carlos@yourco.com;Backend Engineer;q3-cohort;green',
  'Jane Smith;JANE@example.com;Backend Engineer;;red',
  'Priya Patel;priya@student.edu;Backend Engineer;;',
  'No Email;not-an-email;Backend Engineer;;',
  'Wrong Template;wrong@example.com;Astronaut;;',
].join('\r\n');

describe('participant CSV import in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('previews and maps the columns, imports a mixed file, reports each row, and downloads the failures', async () => {
    const { page, server } = t();
    const template = await server.api('POST', '/api/v1/evaluation-templates', { template_name: 'Backend Engineer' });
    const templateId = (template.body as { data: { id: string } }).data.id;
    await server.api('POST', '/api/v1/participants', { name: 'Priya Patel', email: 'priya@student.edu', evaluation_template_id: templateId });
    await signIn(page, server.owner);

    await page.getByRole('link', { name: 'Import' }).click();
    await page.waitForURL('**/a/acme/participants/import');
    await capture(page, 'import-choose');
    await page.getByLabel('CSV file').setInputFiles({ name: 'candidates.csv', mimeType: 'text/csv', buffer: Buffer.from(MIXED_CSV) });

    // Preview: the first rows and the guessed mapping of each column.
    await page.getByRole('heading', { name: 'candidates.csv' }).waitFor();
    await page.getByText('6 rows · 5 columns').waitFor();
    const field = (column: string) => page.getByRole('combobox', { name: `Field for column “${column}”` });
    expect(await field('Full Name').inputValue()).toBe('name');
    expect(await field('E-mail').inputValue()).toBe('email');
    expect(await field('Role').inputValue()).toBe('template_name');
    expect(await field('Tags').inputValue()).toBe('tags');
    expect(await field('Favourite colour').inputValue()).toBe('');
    expect(await page.getByRole('cell', { name: 'Reyes, Carlos' }).count()).toBe(1);
    await capture(page, 'import-preview');

    // Unmapping a required column blocks the import until it is mapped again.
    await field('E-mail').selectOption('');
    await page.getByText('Choose the column that holds the email.').waitFor();
    expect(await page.getByRole('button', { name: /^Import 6 rows/ }).isDisabled()).toBe(true);
    await field('E-mail').selectOption('email');

    // A dry run writes nothing.
    await page.getByRole('button', { name: 'Check without importing' }).click();
    await page.getByText('Check finished: nothing was written').waitFor();
    await page.getByText('2 rows would be created, 2 skipped as duplicates, 2 would fail. The rows are listed below.').waitFor();
    // Like the import, the check names each row that would fail, and why.
    const checked = page.getByRole('table', { name: /Outcome each row would have/ });
    const checkedRow = (n: number) => checked.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
    expect(await checkedRow(6).textContent()).toMatch(/Would fail.*email/);
    expect(await checkedRow(7).textContent()).toMatch(/Would fail.*Astronaut/);
    expect(await checkedRow(4).textContent()).toContain('Would be skipped');
    let stored = await server.api('GET', '/api/v1/participants?pageSize=100');
    expect((stored.body as { data: unknown[] }).data).toHaveLength(1);

    await page.getByRole('button', { name: 'Import 6 rows' }).click();
    const results = page.getByRole('region', { name: 'Import results' });
    await results.waitFor();
    const stat = async (label: string) => (await results.getByText(label, { exact: true }).locator('..').textContent())?.replace(label, '');
    expect(await stat('Created')).toBe('2');
    expect(await stat('Skipped')).toBe('2');
    expect(await stat('Failed')).toBe('2');

    // Row by row (problems only by default): row numbers count the header as row 1.
    const row = (n: number) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
    expect(await row(4).textContent()).toContain('Skipped');
    expect(await row(5).textContent()).toContain('Skipped');
    expect(await row(6).textContent()).toMatch(/Failed.*email/);
    expect(await row(7).textContent()).toMatch(/Failed.*Astronaut/);
    await page.getByLabel('Only skipped and failed').uncheck();
    expect(await row(2).textContent()).toContain('Created');
    await capture(page, 'import-results');

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download failures' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('candidates-failures.csv');
    const failures = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    expect(failures[0]).toBe('row,Full Name,E-mail,Role,Tags,Favourite colour,error');
    expect(failures).toHaveLength(3);
    expect(failures[1]).toMatch(/^6,No Email,not-an-email,Backend Engineer,,,email /);
    expect(failures[2]).toMatch(/^7,Wrong Template,wrong@example.com,Astronaut,,,.*Astronaut/);

    stored = await server.api('GET', '/api/v1/participants?pageSize=100');
    const names = (stored.body as { data: { name: string; tags: string[] }[] }).data.map((p) => p.name).sort();
    expect(names).toEqual(['Jane Smith', 'Priya Patel', 'Reyes, Carlos']);

    await page.getByRole('link', { name: 'Go to participants' }).click();
    await page.getByRole('row', { name: /Reyes, Carlos/ }).waitFor();
  });

  it('names a badly quoted row whose columns differ from the header, and sends nothing', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/participants/import');
    // Row 3 has an unquoted comma in the name: one column too many, everything after it shifted.
    const csv = 'name,email,template_name\r\nJane Smith,jane@example.com,\r\nReyes, Carlos,carlos@yourco.com,\r\nPriya,priya@student.edu,\r\n';
    await page.getByLabel('CSV file').setInputFiles({ name: 'shifted.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Some rows do not have the header’s columns').waitFor();
    await page.getByText('Row 3 has 4 columns; the header has 3.').waitFor();
    expect(await page.getByRole('button', { name: 'Check without importing' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^Import 3 rows/ }).isDisabled()).toBe(true);
    expect(await page.getByText(/template/i).filter({ hasText: 'not found' }).count()).toBe(0);
    await capture(page, 'import-shifted-row');
    expect(((await server.api('GET', '/api/v1/participants')).body as { data: unknown[] }).data).toHaveLength(0);
  });

  it('refuses a file without participants before sending it', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/participants/import');
    await page.getByLabel('CSV file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\r\n') });
    await page.getByText('The file has a header row but no participants under it.').waitFor();
  });
});
