import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest } from './harness.js';

describe('members and roles in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('an owner adds a member, changes the role, and removes them', async () => {
    const { page, browser, server } = t();
    await signIn(page, server.owner);
    await page.getByRole('link', { name: 'Members' }).click();
    await page.waitForURL('**/a/acme/settings/members');
    await page.getByRole('row', { name: /Olivia Owner/ }).waitFor();

    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add member' });
    await dialog.getByRole('textbox', { name: 'Email' }).fill('mina@acme.test');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Mina Member');
    await dialog.getByLabel('Initial password').fill('short');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.getByText('Use at least 8 characters.').waitFor();
    await dialog.getByLabel('Initial password').fill('a perfectly fine password');
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption('member');
    await capture(page, 'members-add');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Mina Member/ });
    await row.waitFor();
    expect(await row.getByRole('combobox', { name: 'Role of Mina Member' }).inputValue()).toBe('member');

    // The new member can sign in with the initial password.
    const other = await browser.newContext({ baseURL: server.url });
    const theirPage = await other.newPage();
    await signIn(theirPage, { email: 'mina@acme.test', password: 'a perfectly fine password' });
    await other.close();

    await row.getByRole('combobox', { name: 'Role of Mina Member' }).selectOption('admin');
    await page.getByText('Mina Member’s role is now Admin').waitFor();
    const listed = await server.services.accounts.listMembers(server.account.id);
    expect(listed.find((m) => m.email === 'mina@acme.test')?.role).toBe('admin');
    await capture(page, 'members-list');

    await row.getByRole('button', { name: 'Remove Mina Member' }).click();
    await page.getByRole('alertdialog', { name: 'Remove this member?' }).getByRole('button', { name: 'Remove member' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await server.services.accounts.listMembers(server.account.id)).map((m) => m.email)).toEqual([server.owner.email]);
  });

  it('the last owner cannot be demoted: the API refuses and the page says why', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/settings/members');
    await page.getByRole('combobox', { name: 'Role of Olivia Owner' }).selectOption('admin');
    await page.getByText('An account needs at least one owner').waitFor();
    expect((await server.services.accounts.listMembers(server.account.id))[0]?.role).toBe('owner');
  });

  it('a viewer sees no create controls, and the API refuses their writes anyway', async () => {
    const { page, server } = t();
    const viewer = await server.createUser('viewer', { name: 'Vera Viewer' });
    await server.api('POST', '/api/v1/evaluation-templates', { template_name: 'Backend Engineer' });
    await server.api('POST', '/api/v1/participants', { name: 'Jane Smith', email: 'jane@example.com' });
    await signIn(page, viewer);

    await page.getByRole('row', { name: /Jane Smith/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Add', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Import' }).count()).toBe(0);
    await capture(page, 'participants-viewer');
    await page.getByRole('link', { name: 'Jane Smith' }).click();
    await page.getByRole('heading', { name: /Jane Smith/, level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Evaluation Templates' }).click();
    await page.getByRole('row', { name: /Backend Engineer/ }).waitFor();
    expect(await page.getByRole('link', { name: 'New template' }).count()).toBe(0);

    await page.getByRole('link', { name: 'API Keys' }).click();
    await page.getByText('Only owners and admins manage API keys').waitFor();
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('row', { name: /Vera Viewer/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0);

    // Not only hidden: the same calls the dashboard would make are refused by the API.
    const statuses = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { data: { csrf_token: string } };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.data.csrf_token };
      const post = (path: string, body: unknown) =>
        fetch(`${path}?accountSlug=acme`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.status);
      return {
        participant: await post('/api/v1/participants', { name: 'Sneaky', email: 'sneaky@example.com' }),
        template: await post('/api/v1/evaluation-templates', { template_name: 'Sneaky' }),
        apiKey: await post('/api/v1/api-keys', { name: 'Sneaky' }),
        member: await post('/api/v1/members', { email: 'sneaky@example.com', name: 'Sneaky', password: 'a long password', role: 'owner' }),
      };
    });
    expect(statuses).toEqual({ participant: 403, template: 403, apiKey: 403, member: 403 });
    expect((await server.api('GET', '/api/v1/participants')).body).toMatchObject({ data: [{ name: 'Jane Smith' }] });
  });
});
