#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { SCOPES, isRole, isScope, type Scope } from './lib/access.js';
import { AppError } from './errors.js';
import { systemClock } from './lib/clock.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { ApiKeysService } from './modules/api-keys/api-keys.service.js';
import { serve } from './server.js';

const HELP = `docket — interview operations service

Usage: docket <command> [options]

Commands:
  serve                 Migrate the database and serve the API and dashboard (default)
  migrate               Apply pending database migrations and exit
  create-account        --slug <slug> --name <name>
  create-user           --email <email> --name <name> --password <pw> [--account <slug> --role owner|admin|member|viewer]
  create-api-key        --account <slug> [--name <name>] [--scopes a,b,...]   prints the secret once

Configuration comes from the environment (DATABASE_URL, PORT, HOST, PUBLIC_URL, LOG_LEVEL, …);
see the README. Run "docket <command> --help" for a command's options.
`;

function fail(message: string): never {
  process.stderr.write(`docket: ${message}\n`);
  process.exit(2);
}

async function withServices<T>(config: Config, run: (s: { accounts: AccountsService; apiKeys: ApiKeysService }) => Promise<T>): Promise<T> {
  const database = openDatabase(config.database, { checkpointIntervalMs: 0 });
  try {
    await migrateToLatest(database.db);
    return await run({
      accounts: new AccountsService({ db: database.db, clock: systemClock }),
      apiKeys: new ApiKeysService({ db: database.db, clock: systemClock }),
    });
  } finally {
    await database.destroy();
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') fail(`--${name} is required (see --help)`);
  return value.trim();
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      help: { type: 'boolean', short: 'h' },
      slug: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      account: { type: 'string' },
      role: { type: 'string' },
      scopes: { type: 'string' },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(HELP);
    return;
  }
  const config = loadConfig();

  switch (command) {
    case 'serve':
      await serve(config);
      return;
    case 'migrate': {
      const database = openDatabase(config.database, { checkpointIntervalMs: 0 });
      try {
        const result = await migrateToLatest(database.db);
        const applied = result.results?.map((r) => r.migrationName) ?? [];
        process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await database.destroy();
      }
      return;
    }
    case 'create-account': {
      const account = await withServices(config, (s) =>
        s.accounts.createAccount({ slug: required(values, 'slug'), name: required(values, 'name') }),
      );
      process.stdout.write(`Created account ${account.slug} (${account.id})\n`);
      return;
    }
    case 'create-user': {
      const password = required(values, 'password');
      if (password.length < 8) fail('--password must be at least 8 characters');
      const role = values.role ?? 'owner';
      if (!isRole(role)) fail('--role must be owner, admin, member or viewer');
      await withServices(config, async (s) => {
        const user = await s.accounts.createUser({ email: required(values, 'email'), name: required(values, 'name'), password });
        process.stdout.write(`Created user ${user.email} (${user.id})\n`);
        if (values.account !== undefined) {
          const account = await s.accounts.findAccountBySlug(values.account);
          if (account === undefined) fail(`no account with slug "${values.account}"`);
          await s.accounts.addMembership(account.id, user.id, role);
          process.stdout.write(`Added to ${account.slug} as ${role}\n`);
        }
      });
      return;
    }
    case 'create-api-key': {
      const scopes = (values.scopes ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      const bad = scopes.filter((s) => !isScope(s));
      if (bad.length > 0) fail(`unknown scope(s): ${bad.join(', ')}. Known: ${SCOPES.join(', ')}`);
      await withServices(config, async (s) => {
        const slug = required(values, 'account');
        const account = await s.accounts.findAccountBySlug(slug);
        if (account === undefined) fail(`no account with slug "${slug}"`);
        const { key, secret } = await s.apiKeys.create(account.id, { name: values.name ?? 'CLI key', scopes: scopes as Scope[] });
        process.stderr.write(`Created API key "${key.name}" (${key.prefix}…) with scopes: ${key.scopes.join(', ')}\n`);
        process.stdout.write(`${secret}\n`);
      });
      return;
    }
    default:
      fail(`unknown command "${command}". Run "docket --help".`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError) fail(error.message);
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) fail(error.message);
  process.stderr.write(`docket: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
