import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest } from './harness.js';

describe('API keys in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('creates a key, shows the secret once, the key works, and after revoking it gets 401', async () => {
    const { page, context, server } = t();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signIn(page, server.owner);
    await page.getByRole('link', { name: 'API Keys' }).click();
    await page.waitForURL('**/a/acme/developer/api-keys');
    await page.getByRole('row', { name: /Seed key/ }).waitFor();

    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API key' });
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Enter a name for the key.').waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Greenhouse sync');
    await capture(page, 'api-key-create');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const reveal = page.getByRole('dialog', { name: 'Your new API key' });
    await reveal.waitFor();
    await reveal.getByText('Copy this key now').waitFor();
    const secret = await reveal.getByRole('textbox', { name: 'Secret key' }).inputValue();
    expect(secret).toMatch(/^iv_live_[A-Za-z0-9]{32,}$/);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    // The "Copied" label lasts 2.5 s, which a busy machine can miss: check the clipboard itself.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(secret);
    await capture(page, 'api-key-secret');
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });

    // Listed with its prefix, never the secret.
    const row = page.getByRole('row', { name: /Greenhouse sync/ });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(secret.slice(0, 12));
    expect(rowText).not.toContain(secret);
    expect(rowText).toContain('All scopes');
    expect(rowText).toContain('Never');
    expect(await page.content()).not.toContain(secret);

    // The key works against the API…
    const use = () =>
      fetch(`${server.url}/api/v1/evaluation-templates`, { headers: { 'x-api-key': secret } }).then((r) => r.status);
    expect(await use()).toBe(200);
    await page.reload();
    await page.getByRole('row', { name: /Greenhouse sync/ }).filter({ hasNotText: 'Never' }).waitFor();
    await capture(page, 'api-keys-list');

    // …until it is revoked, with a confirmation first.
    await page.getByRole('button', { name: 'Revoke Greenhouse sync' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke this API key?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await use()).toBe(200);
    await page.getByRole('button', { name: 'Revoke Greenhouse sync' }).click();
    await capture(page, 'api-key-revoke-confirm');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Greenhouse sync/ }).getByText(/^Revoked/).waitFor();
    expect(await use()).toBe(401);
    // The other key is untouched.
    expect((await server.api('GET', '/api/v1/evaluation-templates')).status).toBe(200);
  });

  it('creates a key limited to the chosen scopes', async () => {
    const { page, server } = t();
    await signIn(page, server.owner, '/a/acme/developer/api-keys');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Read-only reporting');
    await dialog.getByRole('checkbox', { name: /^All scopes/ }).uncheck();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Choose at least one scope.').waitFor();
    await dialog.getByRole('checkbox', { name: /^Read participants/ }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByRole('row', { name: /Read-only reporting/ }).textContent()).toContain('candidates.read');

    const headers = { 'x-api-key': secret, 'content-type': 'application/json' };
    expect((await fetch(`${server.url}/api/v1/participants`, { headers })).status).toBe(200);
    const write = await fetch(`${server.url}/api/v1/participants`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Jane Smith', email: 'jane@example.com' }),
    });
    expect(write.status).toBe(403);
  });
});
