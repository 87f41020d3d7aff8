import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

async function createTemplate(server: DashboardServer, name: string): Promise<string> {
  const { status, body } = await server.api('POST', '/api/v1/evaluation-templates', { template_name: name });
  expect(status).toBe(201);
  return (body as { data: { id: string } }).data.id;
}

async function createParticipant(server: DashboardServer, participant: Record<string, unknown>): Promise<string> {
  const { status, body } = await server.api('POST', '/api/v1/participants', participant);
  expect(status).toBe(201);
  return (body as { data: { id: string } }).data.id;
}

async function listParticipants(server: DashboardServer, query = ''): Promise<{ name: string; email: string; status: string; profile: unknown }[]> {
  const { body } = await server.api('GET', `/api/v1/participants?pageSize=100${query}`);
  return (body as { data: { name: string; email: string; status: string; profile: unknown }[] }).data;
}

describe('participants in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('adds a participant by the published steps, and the participant appears in the list', async () => {
    const { page, server } = t();
    await createTemplate(server, 'Backend Engineer');
    await createTemplate(server, 'Account Executive');
    await signIn(page, server.owner, '/a/acme/templates');

    // Open Participants: click Participants in the left sidebar.
    await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('link', { name: 'Participants' }).click();
    await page.waitForURL('**/a/acme/participants');
    await page.getByText('No participants yet').waitFor();
    await capture(page, 'participants-empty');

    // Add a participant: click Add.
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a participant' });
    await dialog.waitFor();
    // The form starts in the Name field.
    expect(await dialog.getByRole('textbox', { name: 'Name', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    // Fill in name and email.
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Jane Smith');
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('jane@example.com');
    // Pick the template.
    await dialog.getByRole('combobox', { name: 'Evaluation Template' }).selectOption({ label: 'Backend Engineer' });
    // The optional fields of the issue.
    await dialog.getByRole('textbox', { name: /^External ID/ }).fill('greenhouse-8821');
    await dialog.getByRole('textbox', { name: /^Phone/ }).fill('+1 555 0100');
    await dialog.getByRole('textbox', { name: /^Tags/ }).fill('senior');
    await dialog.getByRole('textbox', { name: /^Tags/ }).press('Enter');
    await dialog.getByRole('textbox', { name: /^Tags/ }).fill('backend;');
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Software Engineer');
    await dialog.getByRole('textbox', { name: /^Organization/ }).fill('Initech');
    await dialog.getByRole('combobox', { name: /^Experience level/ }).fill('senior');
    await dialog.getByRole('textbox', { name: /^Location/ }).fill('Berlin');
    await dialog.getByRole('textbox', { name: /^Resume URL/ }).fill('https://files.example.com/jane-resume.pdf');
    expect(await dialog.getByRole('button', { name: 'Remove senior' }).count()).toBe(1);
    await capture(page, 'participants-add');
    // Save.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The participant appears in the list, with the template.
    const row = page.getByRole('row', { name: /Jane Smith/ });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('jane@example.com');
    expect(text).toContain('Backend Engineer');
    expect(text).toContain('senior');
    expect(text).toContain('backend');
    expect(text).toContain('Active');
    await capture(page, 'participants-list');

    const [stored] = await listParticipants(server);
    expect(stored).toMatchObject({
      name: 'Jane Smith',
      email: 'jane@example.com',
      profile: { title: 'Software Engineer', organization: 'Initech', experienceLevel: 'senior', location: 'Berlin' },
    });
  });

  it('shows required-field errors at the fields, and a duplicate email clearly', async () => {
    const { page, server } = t();
    const templateId = await createTemplate(server, 'Backend Engineer');
    const existing = await createParticipant(server, { name: 'Jane Smith', email: 'jane@example.com', evaluation_template_id: templateId });
    await signIn(page, server.owner);

    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a participant' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Enter the participant’s name.').waitFor();
    await dialog.getByText('Enter an email address').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Name', exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('textbox', { name: 'Name', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await capture(page, 'participants-add-errors');

    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Jane Again');
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Enter a valid email address').waitFor();

    // Same email (other case) in the same template: the server refuses it.
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('JANE@example.com');
    await dialog.getByRole('combobox', { name: 'Evaluation Template' }).selectOption({ label: 'Backend Engineer' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'This participant already exists' }).waitFor();
    await dialog.getByText('A participant with this email already exists for this template.').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Email', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await capture(page, 'participants-duplicate');
    await dialog.getByRole('link', { name: 'Open the existing participant' }).click();
    await page.waitForURL(`**/a/acme/participants/${existing}`);
    await page.getByRole('heading', { name: /Jane Smith/, level: 1 }).waitFor();
    expect(await listParticipants(server)).toHaveLength(1);

    // The same email under another template is a different participant.
    await createTemplate(server, 'Data Analyst');
    await page.getByRole('link', { name: 'Participants', exact: true }).first().click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Jane Smith');
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('jane@example.com');
    await dialog.getByRole('combobox', { name: 'Evaluation Template' }).selectOption({ label: 'Data Analyst' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Data Analyst/ }).waitFor();
    expect(await listParticipants(server)).toHaveLength(2);
  });

  it('searches and filters by template, tag and status, keeping the filters in the URL', async () => {
    const { page, server } = t();
    const backend = await createTemplate(server, 'Backend Engineer');
    const sales = await createTemplate(server, 'Account Executive');
    await createParticipant(server, { name: 'Jane Smith', email: 'jane@example.com', evaluation_template_id: backend, tags: ['senior', 'remote'] });
    await createParticipant(server, { name: 'Carlos Reyes', email: 'carlos@yourco.com', evaluation_template_id: sales, tags: ['q3-cohort'] });
    await createParticipant(server, { name: 'Priya Patel', email: 'priya@student.edu', evaluation_template_id: backend, tags: ['senior'] });
    await createParticipant(server, { name: 'Old Timer', email: 'old@example.com', status: 'archived', tags: ['senior'] });
    await signIn(page, server.owner);
    const rows = page.locator('tbody tr');
    await page.getByRole('row', { name: /Old Timer/ }).waitFor();
    expect(await rows.count()).toBe(4);

    await page.getByRole('searchbox', { name: 'Search' }).fill('PRIYA');
    await page.waitForURL(/q=PRIYA/);
    await page.getByRole('row', { name: /Jane Smith/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Priya Patel');
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.waitForURL((url) => !url.search.includes('q='));

    await page.getByRole('combobox', { name: 'Template', exact: true }).selectOption({ label: 'Backend Engineer' });
    await page.waitForURL(new RegExp(`template=${backend}`));
    await page.getByRole('row', { name: /Carlos Reyes/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(2);

    await page.getByRole('textbox', { name: /^Tags/ }).fill('remote');
    await page.getByRole('textbox', { name: /^Tags/ }).press('Enter');
    await page.waitForURL(/tag=remote/);
    await page.getByRole('row', { name: /Priya Patel/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Jane Smith');
    await capture(page, 'participants-filtered');

    // The URL carries the filters: a reload (or a shared link) shows the same list.
    await page.reload();
    await page.getByRole('row', { name: /Jane Smith/ }).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Template', exact: true }).inputValue()).toBe(backend);
    expect(await page.getByRole('button', { name: 'Remove remote' }).count()).toBe(1);

    // Export downloads the filtered list as CSV, with the dashboard's session.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export' }).click();
    const exported = readFileSync(await (await downloadPromise).path(), 'utf8').trim().split(/\r?\n/);
    expect(exported).toHaveLength(2);
    expect(exported[0]).toMatch(/^(\uFEFF)?.*name.*email/);
    expect(exported[1]).toContain('jane@example.com');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('archived');
    await page.waitForURL(/status=archived/);
    await page.getByRole('row', { name: /Jane Smith/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Old Timer');

    await page.getByRole('searchbox', { name: 'Search' }).fill('nobody-matches-this');
    await page.getByText('No participant matches').waitFor();
  });

  it('edits, archives, unarchives and deletes a participant from the detail page', async () => {
    const { page, server } = t();
    const templateId = await createTemplate(server, 'Backend Engineer');
    const id = await createParticipant(server, {
      name: 'Jane Smith',
      email: 'jane@example.com',
      evaluation_template_id: templateId,
      tags: ['senior'],
      profile: { title: 'Software Engineer' },
    });
    await signIn(page, server.owner);
    await page.getByRole('link', { name: 'Jane Smith' }).click();
    await page.waitForURL(`**/a/acme/participants/${id}`);
    await page.getByRole('heading', { name: /Jane Smith/, level: 1 }).waitFor();
    expect(await page.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('Software Engineer');
    await capture(page, 'participant-detail');

    await page.getByRole('textbox', { name: /^Title/ }).fill('Staff Engineer');
    await page.getByRole('textbox', { name: /^Phone/ }).fill('+49 30 1234');
    await page.getByRole('button', { name: 'Remove senior' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved').waitFor();
    let stored = (await server.api('GET', `/api/v1/participants/${id}`)).body as { data: Record<string, unknown> };
    expect(stored.data).toMatchObject({ phone: '+49 30 1234', tags: [], profile: { title: 'Staff Engineer' } });

    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByRole('button', { name: 'Unarchive' }).waitFor();
    stored = (await server.api('GET', `/api/v1/participants/${id}`)).body as { data: Record<string, unknown> };
    expect(stored.data['status']).toBe('archived');
    await capture(page, 'participant-archived');
    // Delete clicked while the unarchive is still on its way (held 700 ms): the change landing
    // re-renders the page with the stored participant, and the dialog stays open.
    const patches: string[] = [];
    await page.route(`**/api/v1/participants/${id}?*`, async (route) => {
      if (route.request().method() === 'PATCH') {
        patches.push(route.request().postData() ?? '');
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
      await route.continue();
    });
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete Jane Smith?' });
    await confirm.waitFor();
    // Exact: "Archive" alone also matches the Unarchive button, which is there until the change lands.
    await page.getByRole('button', { name: 'Archive', exact: true }).waitFor();
    expect(patches).toEqual(['{"status":"active"}']);
    expect(await confirm.isVisible()).toBe(true);
    await page.unrouteAll();
    await capture(page, 'participant-delete-confirm');
    // Cancelling keeps them.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await server.api('GET', `/api/v1/participants/${id}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete participant' }).click();
    await page.waitForURL('**/a/acme/participants');
    await page.getByText('No participants yet').waitFor();
    expect((await server.api('GET', `/api/v1/participants/${id}`)).status).toBe(404);
  });
});
