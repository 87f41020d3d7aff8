import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Role } from '../../src/lib/access.js';
import type { App } from '../../src/http/app-types.js';
import { createContext, type Context, type Services } from '../../src/context.js';
import { buildApp } from '../../src/http/app.js';
import { systemClock } from '../../src/lib/clock.js';
import { packageRoot } from '../../src/lib/package-root.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { loopbackLookup } from '../helpers/net.js';

/**
 * Browser tests run the real server (built dashboard included) on a random loopback port over
 * a fresh SQLite database, and drive it with Chromium.
 */

const ROOT = packageRoot();
const WEB_ROOT = join(ROOT, 'dist', 'web');
export const SCREENSHOT_DIR = join(ROOT, 'screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A browser flow does many steps; a loaded CI machine must not fail it on time alone. */
export const BROWSER_TEST_TIMEOUT_MS = 120_000;
const ACTION_TIMEOUT_MS = 15_000;

export interface Credentials {
  id: string;
  email: string;
  password: string;
  name: string;
}

export interface DashboardServer {
  url: string;
  app: App;
  ctx: Context;
  services: Services;
  account: { id: string; slug: string; name: string };
  owner: Credentials;
  /** An all-scopes API key of the account, for seeding data through the public API. */
  apiKey: string;
  createUser(role: Role, options?: { name?: string; accountId?: string }): Promise<Credentials>;
  createAccount(slug: string, name: string): Promise<{ id: string; slug: string; name: string }>;
  /** Calls the API with the account's key; returns status and JSON body. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

let userCounter = 0;

export interface DashboardServerOptions {
  /**
   * More configuration, as environment variables (e.g. OUTBOUND_ALLOW for a loopback file
   * server); a function is read when the server starts (e.g. a fake model server's URL).
   */
  env?: Record<string, string> | (() => Record<string, string>);
}

export async function startDashboardServer(options: DashboardServerOptions = {}): Promise<DashboardServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error('The dashboard is not built: run `npm run build:web` (npm test does it first).');
  }
  const db: TestDatabase = await createTestDatabase('sqlite');
  const env = typeof options.env === 'function' ? options.env() : options.env;
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1:3000', ...env });
  const ctx = createContext(config, { database: db.handle, clock: systemClock, lookup: loopbackLookup });
  const services = ctx.services;
  const { app } = await buildApp(ctx, { webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // Background work runs as in `docket serve`: the page shows its effects as they land.
  await ctx.jobs.runner.start();
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;

  const createAccount = async (slug: string, name: string) => {
    const account = await services.accounts.createAccount({ slug, name });
    return { id: account.id, slug: account.slug, name: account.name };
  };
  const account = await createAccount('acme', 'Acme Recruiting');

  const createUser = async (role: Role, options: { name?: string; accountId?: string } = {}): Promise<Credentials> => {
    userCounter += 1;
    const email = `${role}-${userCounter}@acme.test`;
    const password = `a long password ${userCounter}`;
    const name = options.name ?? `${role.charAt(0).toUpperCase()}${role.slice(1)} User`;
    const user = await services.accounts.createUser({ email, name, password });
    await services.accounts.addMembership(options.accountId ?? account.id, user.id, role);
    return { id: user.id, email, password, name };
  };
  const owner = await createUser('owner', { name: 'Olivia Owner' });
  const { secret: apiKey } = await services.apiKeys.create(account.id, { name: 'Seed key' });

  return {
    url,
    app,
    ctx,
    services,
    account,
    owner,
    apiKey,
    createUser,
    createAccount,
    api: async (method, path, body) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'x-api-key': apiKey, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    close: async () => {
      await app.close();
      await ctx.close();
      await db.dispose();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium was not found at ${CHROMIUM}; install Debian's "chromium" package or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export interface BrowserTest {
  server: DashboardServer;
  page: Page;
  context: BrowserContext;
  /** The shared Chromium, for a second user's context. */
  browser: Browser;
  /** API answers of 400 and above seen by the page, reported when a test fails. */
  apiErrors: string[];
  /** The page's API requests other than GET (method, path, body, answer), reported when a test fails. */
  apiWrites: string[];
}

/**
 * Registers hooks giving each test its own server (fresh database) and browser context;
 * Chromium itself is shared by the tests of a file. Use `t()` inside a test.
 */
export function useBrowserTest(options: DashboardServerOptions = {}): () => BrowserTest {
  let browser: Browser | undefined;
  let current: BrowserTest | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (browser === undefined) throw new Error('Chromium did not start');
    const server = await startDashboardServer(options);
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url, reducedMotion: 'reduce' });
    browserContext.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const page = await browserContext.newPage();
    const apiErrors: string[] = [];
    const apiWrites: string[] = [];
    const started = performance.now();
    page.on('requestfinished', (request) => {
      if (request.method() === 'GET' || !request.url().includes('/api/')) return;
      const at = Math.round(performance.now() - started);
      void request
        .response()
        .then((response) => apiWrites.push(`+${at} ms ${request.method()} ${new URL(request.url()).pathname} ${(request.postData() ?? '').slice(0, 200)} → ${response?.status() ?? 'no answer'}`))
        .catch(() => undefined);
    });
    page.on('response', (response) => {
      if (response.status() < 400 || !response.url().includes('/api/')) return;
      void response
        .text()
        .then((body) => apiErrors.push(`${response.request().method()} ${response.url()} → ${response.status()} ${body.slice(0, 300)}`))
        .catch(() => undefined);
    });
    current = { server, page, context: browserContext, browser, apiErrors, apiWrites };
  });
  afterEach(async (context) => {
    if (current === undefined) return;
    if (context.task.result?.state === 'fail') {
      // A failing test leaves a picture of the page it failed on.
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await current.page.screenshot({ path: join(SCREENSHOT_DIR, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
      if (current.apiErrors.length > 0) process.stderr.write(`API errors seen by the page:\n  ${current.apiErrors.join('\n  ')}\n`);
      if (current.apiWrites.length > 0) process.stderr.write(`API writes by the page:\n  ${current.apiWrites.join('\n  ')}\n`);
    }
    await current.context.close();
    await current.server.close();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('browser test not ready (use inside a test)');
    return current;
  };
}

export async function signIn(page: Page, credentials: { email: string; password: string }, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('main#main').waitFor();
}

/** Waits for running CSS animations and transitions to finish (they are short under reduced motion). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Sticky headers and sidebars would otherwise appear where the page was scrolled to.
    window.scrollTo(0, 0);
    document.querySelectorAll('.dialog-body').forEach((el) => el.scrollTo(0, 0));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Saves full-page screenshots of the current page at desktop (1280 px) and phone (375 px)
 * widths into screenshots/ (ignored by git), then restores the desktop viewport.
 */
export async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
