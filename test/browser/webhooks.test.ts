import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, verifyWithLibrary, type Receiver } from '../helpers/webhook-receiver.js';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest } from './harness.js';

describe('webhooks in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  const t = useBrowserTest({ env: () => ({ OUTBOUND_ALLOW: `127.0.0.1:${receiver.port}` }) });

  it('adds an endpoint with chosen events, shows the secret once, sends a test, shows its attempts, rotates and disables', async () => {
    const { page, context, server } = t();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signIn(page, server.owner);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL('**/a/acme/developer/webhooks');
    await page.getByText('No webhook endpoints yet').waitFor();

    await page.getByRole('button', { name: 'Add endpoint' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook endpoint' });
    const url = receiver.url('/dashboard-hook');
    await dialog.getByRole('textbox', { name: 'URL' }).fill(url);
    await dialog.getByRole('radio', { name: 'Chosen events' }).check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.getByText('Choose at least one event, or all events.').waitFor();
    await dialog.getByRole('checkbox', { name: 'participant.created' }).check();
    await dialog.getByRole('checkbox', { name: 'webhook.test' }).check();
    await capture(page, 'webhook-create');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    const reveal = page.getByRole('dialog', { name: 'Signing secret' });
    await reveal.getByText('Copy this secret now').waitFor();
    const secret = await reveal.getByRole('textbox', { name: 'Secret' }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(secret);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(url.replace(/[.]/g, '\\.')) });
    await row.getByText('2 events').waitFor();
    expect(await page.content()).not.toContain(secret);

    // A test event: delivered in the background, verified by the receiver with the secret.
    await page.getByRole('button', { name: `Send a test to ${url}` }).click();
    await expect.poll(() => receiver.on('/dashboard-hook').length, { timeout: 20_000 }).toBe(1);
    const [received] = receiver.on('/dashboard-hook');
    if (received === undefined) throw new Error('nothing received');
    expect(verifyWithLibrary(secret, received, new Date())).toMatchObject({ event: 'webhook.test' });
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return (await deliveries.textContent()) ?? '';
        },
        { timeout: 20_000 },
      )
      .toContain('succeeded');
    await page.getByRole('button', { name: /^Attempts of webhook\.test/ }).click();
    const attempts = page.getByRole('dialog', { name: 'Delivery attempts' });
    await attempts.getByText(/HTTP 200/).waitFor();
    await capture(page, 'webhook-attempts');
    await attempts.getByRole('button', { name: 'Close' }).first().click();

    // Rotation: confirmed, then the new secret is shown once.
    await page.getByRole('button', { name: `Rotate the secret of ${url}` }).click();
    await page.getByRole('alertdialog', { name: 'Rotate the signing secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = page.getByRole('dialog', { name: 'Signing secret' });
    const next = await rotated.getByRole('textbox', { name: 'Secret' }).inputValue();
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    await rotated.getByRole('button', { name: 'Done' }).click();

    await row.getByRole('button', { name: 'Disable' }).click();
    // Exact: the row's buttons read "…DisableDelete" as one text, which holds "disabled" too.
    await row.getByText('Disabled', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Enable', exact: true }).waitFor();
    const listed = (await server.api('GET', '/api/v1/webhook-endpoints')).body as { data: { enabled: boolean; url: string }[] };
    expect(listed.data).toMatchObject([{ url, enabled: false }]);

    // A long address and description widen neither the table nor the page, on a laptop or a phone.
    const long = receiver.url(`/${'segment-'.repeat(25)}end`);
    const added = await server.api('POST', '/api/v1/webhook-endpoints', { url: long, description: 'Sync to the applicant tracking system of the recruiting team, region EMEA, production'.repeat(2) });
    expect(added.status).toBe(201);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.reload();
      await page.getByRole('button', { name: `Delete ${long}` }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Nor does the table scroll sideways inside its frame.
      const frames = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')].map((el) => el.scrollWidth - el.clientWidth));
      expect(frames.every((overflow) => overflow <= 0), JSON.stringify(frames)).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: `Deliveries of ${url}` }).click();
    await page.getByRole('table', { name: 'Deliveries' }).getByText('succeeded').waitFor();
    const frames = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')].map((el) => el.scrollWidth - el.clientWidth));
    expect(frames.length).toBe(2);
    expect(frames.every((overflow) => overflow <= 0), JSON.stringify(frames)).toBe(true);
    await capture(page, 'webhooks-list');
  });
});
