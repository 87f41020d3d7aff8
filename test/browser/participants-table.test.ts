import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

const LONG_WITH_SPACES = 'Maximiliana Alexandrovna Konstantinopolskaya-Vandenberghe '.repeat(4).slice(0, 200).trim();
const LONG_WITHOUT_SPACES = 'X'.repeat(200);

/** Adds participants through the bulk endpoint; returns their ids in the given order. */
async function seed(server: DashboardServer, participants: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < participants.length; start += 500) {
    const { status, body } = await server.api('POST', '/api/v1/participants/bulk', { participants: participants.slice(start, start + 500) });
    expect(status).toBe(200);
    ids.push(...(body as { data: { results: { id: string }[] } }).data.results.map((r) => r.id));
  }
  return ids;
}

function people(count: number, extra: (i: number) => Record<string, unknown> = () => ({})): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({ name: `Person ${String(i + 1).padStart(2, '0')}`, email: `p${i + 1}@acme.test`, ...extra(i) }));
}

const summary = (page: Page) => page.getByRole('navigation', { name: 'Pagination' }).locator('.pager-summary');

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('the participants table', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('keeps 200-character names from widening the table or the pages, at 1280 and 375 px; the full name is on hover and focus', async () => {
    const { page, server } = t();
    const { body } = await server.api('POST', '/api/v1/evaluation-templates', { template_name: `Template ${'T'.repeat(190)}` });
    const templateId = (body as { data: { id: string } }).data.id;
    const [spaced, unspaced] = await seed(server, [
      { name: LONG_WITH_SPACES, email: `${'long.email.'.repeat(8)}a@example-company.com`, evaluation_template_id: templateId, tags: ['t'.repeat(64), 'remote'] },
      { name: LONG_WITHOUT_SPACES, email: 'b@acme.test', external_id: 'E'.repeat(200) },
      ...people(3),
    ]);
    await signIn(page, server.owner, '/a/acme/participants');
    const table = page.getByRole('table', { name: /Participants/ });
    await table.getByRole('row', { name: /Person 03/ }).waitFor();

    for (const name of [LONG_WITH_SPACES, LONG_WITHOUT_SPACES]) {
      const row = table.getByRole('row').filter({ hasText: name.slice(0, 30) });
      // Email, Template and Status stay on the screen for every row.
      for (const cell of await row.locator('td').all()) {
        const box = await cell.boundingBox();
        expect(box?.x ?? 0).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
      }
      const link = row.getByRole('link', { name });
      expect(await link.getAttribute('title')).toBe(name);
      // Cut to one line until the row has focus; then the whole value shows.
      const lineHeight = await link.evaluate((el) => el.getBoundingClientRect().height);
      expect(lineHeight).toBeLessThan(30);
      await row.focus();
      expect(await link.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('normal');
      expect(await link.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(lineHeight);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
    await capture(page, 'participants-long-names');

    await page.setViewportSize({ width: 375, height: 812 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    // The long email wraps inside its card rather than being clipped.
    const email = table.getByRole('row').filter({ hasText: LONG_WITH_SPACES.slice(0, 30) }).getByText(/long\.email/);
    expect(await email.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

    for (const id of [spaced, unspaced]) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`/a/acme/participants/${id}`);
        await page.getByRole('button', { name: 'Save changes' }).waitFor();
        expect(await pageWidth(page), `detail at ${width}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('shows "1–25 of 60" and keeps the page right after Next, Back and a reload', async () => {
    const { page, server } = t();
    await seed(server, people(60));
    await signIn(page, server.owner, '/a/acme/participants');
    await expect.poll(() => summary(page).textContent()).toBe('1–25 of 60');
    const next = page.getByRole('button', { name: 'Next' });
    await next.click();
    await expect.poll(() => summary(page).textContent()).toBe('26–50 of 60');
    await next.click();
    await expect.poll(() => summary(page).textContent()).toBe('51–60 of 60');
    expect(await next.isDisabled()).toBe(true);
    await page.goBack();
    await expect.poll(() => summary(page).textContent()).toBe('26–50 of 60');
    await page.goBack();
    await expect.poll(() => summary(page).textContent()).toBe('1–25 of 60');
    expect(await page.getByRole('row', { name: /Person 60/ }).count()).toBe(1);
    await page.goForward();
    await expect.poll(() => summary(page).textContent()).toBe('26–50 of 60');
    await page.reload();
    await expect.poll(() => summary(page).textContent()).toBe('26–50 of 60');
    expect(await page.getByRole('row', { name: /Person 35/ }).count()).toBe(1);
  });

  it('sorts by name, created and status from the column headers; the order survives paging and reload', async () => {
    const { page, server } = t();
    // Names in an order unlike creation order; every third archived.
    await seed(server, people(30, (i) => ({ name: `Name ${String((i * 7) % 30).padStart(2, '0')}`, status: i % 3 === 0 ? 'archived' : 'active' })));
    await signIn(page, server.owner, '/a/acme/participants');
    const table = page.getByRole('table', { name: /Participants/ });
    const names = async () => (await table.locator('tbody tr td.cell-title a').allTextContents()).map((s) => s.trim());
    await expect.poll(() => summary(page).textContent()).toBe('1–25 of 30');
    const header = (name: string) => table.getByRole('columnheader', { name });
    expect(await header('Created').getAttribute('aria-sort')).toBe('descending');

    await header('Name').getByRole('button').click();
    await page.waitForURL(/sort=name%3Aasc|sort=name:asc/);
    await expect.poll(names).toEqual(Array.from({ length: 25 }, (_, i) => `Name ${String(i).padStart(2, '0')}`));
    expect(await header('Name').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(names).toEqual(['Name 25', 'Name 26', 'Name 27', 'Name 28', 'Name 29']);
    await page.reload();
    await expect.poll(names).toEqual(['Name 25', 'Name 26', 'Name 27', 'Name 28', 'Name 29']);

    await header('Name').getByRole('button').click();
    await expect.poll(names).toEqual(Array.from({ length: 25 }, (_, i) => `Name ${String(29 - i).padStart(2, '0')}`));
    expect(await header('Name').getAttribute('aria-sort')).toBe('descending');
    expect(await summary(page).textContent()).toBe('1–25 of 30');

    await header('Status').getByRole('button').click();
    await page.waitForURL(/sort=status%3Aasc|sort=status:asc/);
    // 20 of the 30 are active: the first page holds all of them, then the first 5 archived. Polled
    // as a whole, since the page sorted by name shows a mix of both until the new page arrives.
    const statuses = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r.textContent?.includes('Archived') ? 'archived' : 'active')));
    await expect.poll(statuses).toEqual([...Array<string>(20).fill('active'), ...Array<string>(5).fill('archived')]);
    expect(await header('Status').getAttribute('aria-sort')).toBe('ascending');
    await capture(page, 'participants-sorted');
  });

  it('selects 60 rows and archives, tags, moves, exports and deletes them in bulk', async () => {
    const { page, server } = t();
    const { body } = await server.api('POST', '/api/v1/evaluation-templates', { template_name: 'Account Executive' });
    const templateId = (body as { data: { id: string } }).data.id;
    await seed(server, people(60, (i) => ({ tags: i % 2 === 0 ? ['backlog'] : [] })));
    await signIn(page, server.owner, '/a/acme/participants');
    await expect.poll(() => summary(page).textContent()).toBe('1–25 of 60');
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('100');
    await expect.poll(() => summary(page).textContent()).toBe('1–60 of 60');
    await page.getByRole('checkbox', { name: 'Select all rows on this page' }).check();
    const bar = page.getByRole('region', { name: 'Actions on the selected participants' });
    await expect.poll(() => bar.locator('.bulk-count').textContent()).toBe('60 selected');
    await capture(page, 'participants-bulk-selected');

    const stored = async (query = '') => {
      const res = await server.api('GET', `/api/v1/participants?pageSize=100${query}`);
      return (res.body as { data: { status: string; tags: string[]; evaluation_template_id: string | null }[]; meta: { total: number } });
    };

    await bar.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByText('Archived 60 participants.').waitFor();
    expect((await stored('&status=archived')).meta.total).toBe(60);

    await bar.getByRole('button', { name: 'Add tags', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'Add tags to 60 participants' });
    await dialog.getByRole('textbox', { name: 'Tags' }).fill('Sales, EMEA');
    await dialog.getByRole('textbox', { name: 'Tags' }).press('Enter');
    await dialog.getByRole('button', { name: 'Add tags' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await stored()).data.every((p) => p.tags.includes('Sales, EMEA'))).toBe(true);

    await bar.getByRole('button', { name: 'Remove tags', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Remove tags from 60 participants' });
    await dialog.getByRole('textbox', { name: 'Tags' }).fill('backlog;');
    await dialog.getByRole('button', { name: 'Remove tags' }).click();
    await page.getByText(/Untagged 30 participants; 30 were without these tags\./).waitFor();
    expect((await stored('&tag=backlog')).meta.total).toBe(0);

    await bar.getByRole('button', { name: 'Change template', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Change the template of 60 participants' });
    await dialog.getByRole('combobox', { name: 'Evaluation Template' }).selectOption({ label: 'Account Executive' });
    await dialog.getByRole('button', { name: 'Change template' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await stored()).data.every((p) => p.evaluation_template_id === templateId)).toBe(true);

    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile((await file.path()) ?? '', 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(61);

    await bar.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete 60 participants?' });
    await confirm.getByRole('button', { name: 'Delete 60 participants' }).click();
    await page.getByText('Deleted 60 participants.').waitFor();
    await page.getByText('No participants yet').waitFor();
    expect((await stored()).meta.total).toBe(0);
  });

  it('filters by a tag chip, focuses search with /, and moves through rows with the keyboard', async () => {
    const { page, server } = t();
    await seed(server, people(5, (i) => ({ tags: i < 2 ? ['Sales, EMEA'] : ['remote'] })));
    await signIn(page, server.owner, '/a/acme/participants');
    await expect.poll(() => summary(page).textContent()).toBe('1–5 of 5');
    await page.getByRole('button', { name: 'Filter by tag Sales, EMEA' }).first().click();
    await expect.poll(() => summary(page).textContent()).toBe('1–2 of 2');
    expect(new URL(page.url()).searchParams.getAll('tag')).toEqual(['Sales, EMEA']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => summary(page).textContent()).toBe('1–5 of 5');

    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('participant-search');
    await page.keyboard.type('Person 03');
    await expect.poll(() => summary(page).textContent()).toBe('1–1 of 1');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => summary(page).textContent()).toBe('1–5 of 5');

    // Tab reaches the rows once; the arrows move, Space selects, Enter opens.
    const firstRow = page.locator('tbody tr').first();
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Person 03');
    await page.keyboard.press(' ');
    await page.getByRole('region', { name: 'Actions on the selected participants' }).getByText('1 selected').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Person 03' }).waitFor();
  });
});
