import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BROWSER_TEST_TIMEOUT_MS, SCREENSHOT_DIR, capture, signIn, useBrowserTest } from './harness.js';

describe('dashboard navigation', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('the sidebar holds every section, and the current one is marked', async () => {
    const { page, server } = t();
    await signIn(page, server.owner);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Without SMTP the Outbox is listed too (it appears once the server said so).
    await nav.getByRole('link', { name: 'Outbox' }).waitFor();
    const links = await nav.getByRole('link').allTextContents();
    expect(links.map((l) => l.trim())).toEqual(['Participants', 'Sessions', 'Evaluation Templates', 'Agent Profiles', 'API Keys', 'Webhooks', 'Outbox', 'Members', 'Team', 'Your account']);
    expect(await nav.getByRole('group', { name: 'Developer' }).getByRole('link').allTextContents()).toEqual(['API Keys', 'Webhooks']);
    expect(await nav.getByRole('group', { name: 'Settings' }).getByRole('link').allTextContents()).toEqual(['Members', 'Team', 'Your account']);
    expect(await nav.getByRole('link', { name: 'Participants' }).getAttribute('aria-current')).toBe('page');
    await nav.getByRole('link', { name: 'Members' }).click();
    await page.waitForURL('**/a/acme/settings/members');
    await nav.locator('[aria-current="page"]').filter({ hasText: 'Members' }).waitFor();
    expect(await page.title()).toBe('Members · Docket');
  });

  it('on a phone, the sidebar opens from the menu button and closes after choosing a page', async () => {
    const { page, server } = t();
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, server.owner);
    const menu = page.getByRole('button', { name: 'Open menu' });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // Closed, the drawer is out of the way of the keyboard as well as the eye.
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await menu.click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'navigation-menu-375.png') });
    // Focus moved into the drawer; Escape closes it and returns to the menu button.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Participants');
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open menu');
    await page.keyboard.press('Enter');
    await nav.waitFor();
    await nav.getByRole('link', { name: 'Evaluation Templates' }).click();
    await page.waitForURL('**/a/acme/templates');
    await page.getByRole('button', { name: 'Open menu' }).waitFor();
    expect(await page.getByRole('button', { name: 'Open menu' }).getAttribute('aria-expanded')).toBe('false');
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('a team the user is not in, and an unknown page, say so', async () => {
    const { page, server } = t();
    await server.createAccount('globex', 'Globex Academy');
    await signIn(page, server.owner);
    await page.goto('/a/globex/participants');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.goto('/a/acme/nowhere');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await capture(page, 'not-found');
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await page.waitForURL('**/a/acme/participants');
  });
});
