import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest } from './harness.js';

describe('dashboard sign-in', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('refuses a wrong password with a clear message, then signs in with the right one', async () => {
    const { page, server } = t();
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await capture(page, 'sign-in');

    await page.getByLabel('Email').fill(server.owner.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The email or password is incorrect.');
    await capture(page, 'sign-in-error');

    await page.getByLabel('Password').fill(server.owner.password);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL('**/a/acme/participants');
    await page.getByRole('heading', { name: 'Participants', level: 1 }).waitFor();
    expect(await page.getByRole('complementary', { name: 'Sidebar' }).textContent()).toContain('Olivia Owner');
  });

  it('shows field errors for an empty form without calling the server', async () => {
    const { page } = t();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email address.').waitFor();
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('sends a visitor to sign-in and back to the page they asked for', async () => {
    const { page, server } = t();
    await page.goto('/a/acme/templates?status=active');
    await page.waitForURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/a/acme/templates?status=active');
    await page.getByLabel('Email').fill(server.owner.email);
    await page.getByLabel('Password').fill(server.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/a/acme/templates?status=active');
    await page.getByRole('heading', { name: 'Evaluation Templates', level: 1 }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('active');
  });

  it('never returns to another site after sign-in', async () => {
    const { page, server } = t();
    await page.goto('/sign-in?next=//evil.example/phish');
    await page.getByLabel('Email').fill(server.owner.email);
    await page.getByLabel('Password').fill(server.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/a/acme/participants');
    expect(new URL(page.url()).origin).toBe(server.url);
  });

  it('signs out: the session ends and pages need sign-in again', async () => {
    const { page, server } = t();
    await signIn(page, server.owner);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await page.goto('/a/acme/participants');
    await page.waitForURL(/\/sign-in\?next=%2Fa%2Facme%2Fparticipants/);
  });

  it('a session that ends while the page is open leads to sign-in and back to the page', async () => {
    const { page, server } = t();
    await signIn(page, server.owner);
    // The session ends behind the dashboard's back (expired, or signed out in another tab).
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { data: { csrf_token: string } };
      await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': me.data.csrf_token } });
    });
    await page.getByRole('link', { name: 'Evaluation Templates' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fa%2Facme%2Ftemplates/);
    await page.getByLabel('Email').fill(server.owner.email);
    await page.getByLabel('Password').fill(server.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/a/acme/templates');
    await page.getByRole('heading', { name: 'Evaluation Templates', level: 1 }).waitFor();
  });

  it('switches between the teams of a user, keeping the section', async () => {
    const { page, server } = t();
    const other = await server.createAccount('globex', 'Globex Academy');
    await server.services.accounts.addMembership(other.id, server.owner.id, 'viewer');
    await signIn(page, server.owner);
    await page.getByRole('link', { name: 'Evaluation Templates' }).click();
    await page.waitForURL('**/a/acme/templates');
    await page.getByLabel('Team').selectOption({ label: 'Globex Academy' });
    await page.waitForURL('**/a/globex/templates');
    // A viewer in that team: no "New template" button.
    await page.getByRole('heading', { name: 'Evaluation Templates', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'New template' }).count()).toBe(0);
    await capture(page, 'team-switcher');
    // The last team used is where the next visit starts.
    await page.goto('/');
    await page.waitForURL('**/a/globex/participants');
  });

  it('works with the keyboard alone', async () => {
    const { page, server } = t();
    await page.goto('/sign-in');
    await page.getByLabel('Email').waitFor();
    // The email field has focus on arrival.
    await page.keyboard.type(server.owner.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.owner.password);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toContain('Sign in');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/a/acme/participants');
  });
});
