import type { FirstRunConfig } from '../../config/config.js';
import { randomBase62 } from '../../lib/secrets.js';
import type { ApiKeysService } from '../api-keys/api-keys.service.js';
import type { AccountsService } from './accounts.service.js';

export interface FirstRunReport {
  /** Lines to print once: what was created, with any generated secret. Empty on a restart. */
  lines: string[];
}

/**
 * Creates what the DOCKET_* variables name, idempotently (a restart changes nothing). On an
 * empty database without them, creates a `demo` account, an owner `admin@localhost` with a
 * random password and an all-scopes API key, and reports them once.
 */
export async function ensureFirstRun(
  deps: { accounts: AccountsService; apiKeys: ApiKeysService; publicUrl: string },
  env: FirstRunConfig,
): Promise<FirstRunReport> {
  const lines: string[] = [];
  const configured = Object.values(env).some((v) => v !== undefined);
  const isEmpty = (await deps.accounts.countAccounts()) === 0;
  if (!configured && !isEmpty) return { lines };

  const slug = env.accountSlug ?? 'demo';
  const email = env.adminEmail ?? 'admin@localhost';
  let account = await deps.accounts.findAccountBySlug(slug);
  if (account === undefined) {
    account = await deps.accounts.createAccount({ slug, name: env.accountName ?? (slug === 'demo' ? 'Demo team' : slug) });
    lines.push(`Created account "${account.name}" (slug: ${account.slug}).`);
  }

  let user = await deps.accounts.findUserByEmail(email);
  if (user === undefined) {
    const password = env.adminPassword ?? randomBase62(20);
    user = await deps.accounts.createUser({ email, name: 'Administrator', password });
    lines.push(`Created owner ${email}` + (env.adminPassword === undefined ? ` with password: ${password}` : ' (password from DOCKET_ADMIN_PASSWORD).'));
  }
  const membership = await deps.accounts.membershipBySlug(user.id, slug);
  if (membership === undefined) await deps.accounts.addMembership(account.id, user.id, 'owner');

  if (env.apiKey !== undefined) {
    const { created } = await deps.apiKeys.create(account.id, { name: 'Installed key (DOCKET_API_KEY)', secret: env.apiKey });
    if (created) lines.push('Installed the API key from DOCKET_API_KEY (all scopes).');
  } else if (isEmpty) {
    const { secret } = await deps.apiKeys.create(account.id, { name: 'First key' });
    lines.push(`Created an API key with all scopes (shown once): ${secret}`);
  }

  if (lines.length > 0) {
    lines.push(`Dashboard: ${deps.publicUrl}/  ·  sign in as ${email}`);
    lines.push(`Try: curl -H "x-api-key: <key>" "${deps.publicUrl}/api/v1/evaluation-templates?accountSlug=${slug}"`);
  }
  return { lines };
}
