import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

async function createParticipant(server: DashboardServer, body: Record<string, unknown>): Promise<string> {
  const { status, body: created } = await server.api('POST', '/api/v1/participants', body);
  expect(status).toBe(201);
  return (created as { data: { id: string } }).data.id;
}

const focused = (page: Page) => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : (document.activeElement?.textContent ?? '').trim()));

describe('habits of a new user', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('on a phone, tapping the page already open in the drawer closes the drawer, and Add works', async () => {
    const { page, server } = t();
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, server.owner, '/a/acme/participants');
    await page.getByRole('button', { name: 'Open menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    await nav.getByRole('link', { name: 'Participants' }).click();
    await nav.waitFor({ state: 'hidden' });
    expect(await page.locator('.nav-scrim').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open menu' }).getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('dialog', { name: 'Add a participant' }).waitFor();
  });

  it('returns focus to the button that opened a dialog after Escape or Cancel', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/participants');
    const add = page.getByRole('button', { name: 'Add', exact: true });
    await add.click();
    const dialog = page.getByRole('dialog', { name: 'Add a participant' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Add');
    await add.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Add');

    await page.goto('/a/acme/settings/members');
    const addMember = page.getByRole('button', { name: 'Add member' });
    await addMember.click();
    await page.getByRole('dialog', { name: 'Add member' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('Add member');
  });

  it('asks before leaving an edited participant or template without saving', async () => {
    const { page, server } = t();
    const id = await createParticipant(server, { name: 'Jane Smith', email: 'jane@example.com' });
    await signIn(page, server.owner, '/a/acme/participants');
    await page.getByRole('link', { name: 'Jane Smith' }).click();
    await page.waitForURL(`**/a/acme/participants/${id}`);
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('Jane Q. Smith');
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await sidebar.getByRole('link', { name: 'Evaluation Templates' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await capture(page, 'unsaved-changes');
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    expect(new URL(page.url()).pathname).toBe(`/a/acme/participants/${id}`);
    expect(await name.inputValue()).toBe('Jane Q. Smith');
    // Back (to the list this page was opened from) asks too.
    await page.goBack();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL('**/a/acme/participants');

    // Saved changes leave freely.
    await page.goto(`/a/acme/participants/${id}`);
    await name.fill('Jane Q. Smith');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved').waitFor();
    await sidebar.getByRole('link', { name: 'Evaluation Templates' }).click();
    await page.waitForURL('**/a/acme/templates');

    // A new template with a name typed in.
    await page.goto('/a/acme/templates/new');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Backend Engineer');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.waitForURL(/\/a\/acme\/templates\/[0-9a-f-]{36}$/);
    expect(await ask.count()).toBe(0);
  });

  it('signs out without a React error in the console', async () => {
    const { page, server } = t();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('401')) problems.push(message.text());
    });
    await signIn(page, server.owner, '/a/acme/participants');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.search === '');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('a tag with a comma is added in the form and found by the filter', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/participants');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a participant' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Carlos Reyes');
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('carlos@yourco.com');
    await dialog.getByRole('textbox', { name: /^Tags/ }).fill('Sales, EMEA;');
    await dialog.getByRole('textbox', { name: /^Tags/ }).fill('remote');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stored = await server.api('GET', '/api/v1/participants');
    expect((stored.body as { data: { tags: string[] }[] }).data[0]?.tags).toEqual(['Sales, EMEA', 'remote']);
    await page.getByRole('textbox', { name: 'Tags' }).fill('sales, emea');
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter');
    await page.getByRole('row', { name: /Carlos Reyes/ }).waitFor();
    await page.getByText('1–1 of 1').waitFor();
  });

  it('offers Archive when a template with participants cannot be deleted', async () => {
    const { page, server } = t();
    const template = await server.api('POST', '/api/v1/evaluation-templates', { template_name: 'Backend Engineer' });
    const templateId = (template.body as { data: { id: string } }).data.id;
    await createParticipant(server, { name: 'Jane', email: 'jane@example.com', evaluation_template_id: templateId });
    await signIn(page, server.owner, `/a/acme/templates/${templateId}`);
    await page.getByRole('button', { name: 'Delete template' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this template?' });
    await dialog.getByRole('button', { name: 'Delete template' }).click();
    await dialog.getByText('This template has participants, so it cannot be deleted').waitFor();
    expect(await dialog.textContent()).not.toContain('PATCH');
    await capture(page, 'template-delete-in-use');
    await dialog.getByRole('button', { name: 'Archive instead' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Template archived').waitFor();
    const stored = await server.api('GET', `/api/v1/evaluation-templates/${templateId}`);
    expect((stored.body as { data: { status: string } }).data.status).toBe('archived');
  });

  it('adding a member by email alone says which fields a new login needs', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/settings/members');
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add member' });
    await dialog.getByRole('textbox', { name: 'Email' }).fill('new.person@acme.test');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.getByText('Name is required: no Docket user has this email yet.').waitFor();
    await dialog.getByText('Initial password is required: no Docket user has this email yet.').waitFor();
  });

  it('renames the team and changes your own password in Settings', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/settings/team');
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('Acme Talent');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('The team is now called “Acme Talent”').waitFor();
    await page.getByRole('complementary', { name: 'Sidebar' }).getByText('Acme Talent').waitFor();
    await capture(page, 'settings-team');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('textbox', { name: 'Current password' }).fill('wrong password');
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a brand new password');
    await page.getByRole('textbox', { name: 'New password again' }).fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Current password is incorrect.').waitFor();
    await page.getByRole('textbox', { name: 'Current password' }).fill(server.owner.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions were signed out.').waitFor();
    await capture(page, 'settings-account');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await signIn(page, { email: server.owner.email, password: 'a brand new password' });
  });

  it("shows a viewer's read-only form as values, not as fields waiting for input", async () => {
    const { page, server } = t();
    const viewer = await server.createUser('viewer');
    const id = await createParticipant(server, { name: 'Jane Smith', email: 'jane@example.com', tags: ['senior'] });
    await signIn(page, viewer, `/a/acme/participants/${id}`);
    await page.getByRole('heading', { name: /Jane Smith/ }).waitFor();
    // The tag field shows its chips but no text box to type in, and cannot be changed.
    expect(await page.getByRole('textbox', { name: /^Tags/ }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Remove senior' }).isVisible()).toBe(false);
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).isDisabled()).toBe(true);
    await capture(page, 'participant-viewer');
  });
});
