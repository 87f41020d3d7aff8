#!/usr/bin/env node
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { createContext, type Context } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { StartupError, prepareDatabase } from './db/startup.js';
import { AppError } from './errors.js';
import * as jobsRepo from './jobs/jobs.repository.js';
import { SCOPES, isRole, isScope, type Scope } from './lib/access.js';
import { createLogger } from './lib/logger.js';
import { randomBase62 } from './lib/secrets.js';
import { serve, work } from './server.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

interface Command {
  usage: string;
  summary: string;
  /** Lines describing each option, shown by `docket <command> --help`. */
  details?: string[];
  options?: Options;
  /** Takes positional arguments (e.g. job ids). */
  positionals?: boolean;
  run(config: Config, values: Values, positionals: string[]): Promise<void>;
}

function fail(message: string): never {
  process.stderr.write(`docket: ${message}\n`);
  process.exit(2);
}

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') fail(`--${name} is required (see --help)`);
  return value.trim();
}

/** A context for a one-shot command: the database waited for and migrated, no background checkpoints. */
async function withContext<T>(config: Config, run: (ctx: Context) => Promise<T>): Promise<T> {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const database = openDatabase(config.database, { checkpointIntervalMs: 0 });
  try {
    await prepareDatabase(database, config.database, { waitSeconds: Math.min(config.databaseWaitSeconds, 10), logger });
    const ctx = createContext(config, { database, logger });
    try {
      return await run(ctx);
    } finally {
      await ctx.close();
    }
  } finally {
    await database.destroy();
  }
}

const COMMANDS: Record<string, Command> = {
  serve: {
    usage: 'serve',
    summary: 'Migrate the database and serve the API and dashboard, with background jobs in-process (the default command)',
    details: ['Configured by the environment (PORT, HOST, DATABASE_URL, SMTP_URL, JOBS_IN_PROCESS, …; see the README).'],
    run: (config) => serve(config),
  },
  worker: {
    usage: 'worker',
    summary: 'Run background jobs only (PostgreSQL; any number beside `serve` processes)',
    details: ['Needs DATABASE_URL=postgres://…. JOBS_CONCURRENCY sets how many jobs it runs at once.'],
    run: (config) => work(config),
  },
  migrate: {
    usage: 'migrate',
    summary: 'Apply pending database migrations and exit',
    run: async (config) => {
      const database = openDatabase(config.database, { checkpointIntervalMs: 0 });
      try {
        const result = await migrateToLatest(database.db);
        const applied = result.results?.map((r) => r.migrationName) ?? [];
        process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await database.destroy();
      }
    },
  },
  'create-account': {
    usage: 'create-account --slug <slug> --name <name>',
    summary: 'Create an account (a team)',
    details: ['--slug <slug>   3–48 characters of a-z, 0-9 and "-"', '--name <name>   the team name shown in the dashboard'],
    options: { slug: { type: 'string' }, name: { type: 'string' } },
    run: async (config, values) => {
      const account = await withContext(config, (ctx) =>
        ctx.services.accounts.createAccount({ slug: required(values, 'slug'), name: required(values, 'name') }),
      );
      process.stdout.write(`Created account ${account.slug} (${account.id})\n`);
    },
  },
  'create-user': {
    usage: 'create-user --email <email> --name <name> --password <pw> [--account <slug> --role <role>]',
    summary: 'Create a user who can sign in to the dashboard, optionally a member of an account',
    details: [
      '--email <email>      the sign-in address',
      '--name <name>        the person\'s name',
      '--password <pw>      at least 8 characters',
      '--account <slug>     make the user a member of this account',
      '--role <role>        owner (default), admin, member or viewer',
    ],
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, account: { type: 'string' }, role: { type: 'string' } },
    run: async (config, values) => {
      const password = required(values, 'password');
      if (password.length < 8) fail('--password must be at least 8 characters');
      const role = values['role'] ?? 'owner';
      if (typeof role !== 'string' || !isRole(role)) fail('--role must be owner, admin, member or viewer');
      await withContext(config, async ({ services }) => {
        const user = await services.accounts.createUser({ email: required(values, 'email'), name: required(values, 'name'), password });
        process.stdout.write(`Created user ${user.email} (${user.id})\n`);
        const slug = values['account'];
        if (typeof slug === 'string') {
          const account = await services.accounts.findAccountBySlug(slug);
          if (account === undefined) fail(`no account with slug "${slug}"`);
          await services.accounts.addMembership(account.id, user.id, role);
          process.stdout.write(`Added to ${account.slug} as ${role}\n`);
        }
      });
    },
  },
  'create-api-key': {
    usage: 'create-api-key --account <slug> [--name <name>] [--scopes a,b,…]',
    summary: 'Create an API key and print its secret once',
    details: ['--account <slug>   the key\'s account', '--name <name>      a label (default "CLI key")', `--scopes a,b,…     default: all of ${SCOPES.join(', ')}`],
    options: { account: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' } },
    run: async (config, values) => {
      const raw = typeof values['scopes'] === 'string' ? values['scopes'] : '';
      const scopes = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const bad = scopes.filter((s) => !isScope(s));
      if (bad.length > 0) fail(`unknown scope(s): ${bad.join(', ')}. Known: ${SCOPES.join(', ')}`);
      await withContext(config, async ({ services }) => {
        const slug = required(values, 'account');
        const account = await services.accounts.findAccountBySlug(slug);
        if (account === undefined) fail(`no account with slug "${slug}"`);
        const name = typeof values['name'] === 'string' ? values['name'] : 'CLI key';
        const { key, secret } = await services.apiKeys.create(account.id, { name, scopes: scopes as Scope[] });
        process.stderr.write(`Created API key "${key.name}" (${key.prefix}…) with scopes: ${key.scopes.join(', ')}\n`);
        process.stdout.write(`${secret}\n`);
      });
    },
  },
  'reset-password': {
    usage: 'reset-password --email <email> [--password <pw>]',
    summary: "Set a user's password (a new random one unless given) and sign them out everywhere",
    details: ['--email <email>     the user', '--password <pw>     the new password (at least 8 characters); printed random one otherwise'],
    options: { email: { type: 'string' }, password: { type: 'string' } },
    run: async (config, values) => {
      const given = values['password'];
      if (typeof given === 'string' && given.length < 8) fail('--password must be at least 8 characters');
      const password = typeof given === 'string' ? given : randomBase62(20);
      await withContext(config, async ({ services }) => {
        const email = required(values, 'email');
        const user = await services.accounts.findUserByEmail(email);
        if (user === undefined) fail(`no user with email "${email}"`);
        await services.accounts.setPassword(user.id, password);
        const ended = await services.auth.signOutEverywhere(user.id);
        process.stderr.write(`Password of ${user.email} changed; ${ended} dashboard session(s) ended.\n`);
        if (typeof given !== 'string') process.stdout.write(`${password}\n`);
      });
    },
  },
  jobs: {
    usage: 'jobs list [--status pending|running|dead] [--kind <kind>] [--limit <n>] | jobs retry <id>… | jobs retry --all-dead',
    summary: 'Inspect the background job queue; run dead jobs again',
    details: [
      'list                 jobs in run order, one per line: id, kind, status, attempts, run_at, last error',
      '  --status <s>       only pending, running or dead jobs',
      '  --kind <kind>      only this kind (e.g. mail.send)',
      '  --limit <n>        at most n lines (default 100)',
      'retry <id>…          run these dead jobs again now, with a fresh attempt budget',
      'retry --all-dead     the same for every dead job',
    ],
    options: { status: { type: 'string' }, kind: { type: 'string' }, limit: { type: 'string' }, 'all-dead': { type: 'boolean' } },
    positionals: true,
    run: async (config, values, positionals) => {
      const [action, ...ids] = positionals;
      if (action === 'list') {
        const status = values['status'];
        if (status !== undefined && !['pending', 'running', 'dead'].includes(String(status))) fail('--status must be pending, running or dead');
        const limit = values['limit'] === undefined ? 100 : Number(values['limit']);
        if (!Number.isInteger(limit) || limit < 1) fail('--limit must be a positive whole number');
        await withContext(config, async ({ database }) => {
          const rows = await jobsRepo.listJobs(database.db, { status: status as string | undefined, kind: values['kind'] as string | undefined, limit });
          if (rows.length === 0) process.stdout.write('No jobs.\n');
          for (const job of rows) {
            const error = job.last_error === null ? '' : `\t${job.last_error.replace(/\s+/g, ' ').slice(0, 200)}`;
            process.stdout.write(`${job.id}\t${job.kind}\t${job.status}\t${job.attempts}/${job.max_attempts}\t${job.run_at}${error}\n`);
          }
        });
        return;
      }
      if (action === 'retry') {
        const all = values['all-dead'] === true;
        if (all === ids.length > 0) fail('give job ids or --all-dead (not both)');
        await withContext(config, async ({ database, clock }) => {
          const count = await jobsRepo.retryDead(database.db, all ? 'all' : ids, clock.now().toISOString());
          process.stdout.write(`${count} dead job(s) will run again.\n`);
          if (!all && count < ids.length) process.stderr.write(`${ids.length - count} id(s) are not dead jobs and were left alone.\n`);
        });
        return;
      }
      fail('usage: docket jobs list | docket jobs retry <id>… | docket jobs retry --all-dead');
    },
  },
};

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  return [
    'docket — interview operations service',
    '',
    'Usage: docket <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    '',
    'Configuration comes from the environment (DATABASE_URL, PORT, HOST, PUBLIC_URL, SMTP_URL, …);',
    'see the README. Run "docket <command> --help" for a command\'s options.',
    '',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  return [`Usage: docket ${command.usage}`, '', command.summary + '.', ...(command.details !== undefined ? ['', ...command.details.map((d) => `  ${d}`)] : []), ''].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const [name = 'serve', ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText());
    return;
  }
  const command = COMMANDS[name];
  if (command === undefined) fail(`unknown command "${name}". Run "docket --help".`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { help: { type: 'boolean', short: 'h' }, ...command.options },
    allowPositionals: command.positionals === true,
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(commandHelp(name, command));
    return;
  }
  await command.run(loadConfig(), values as Values, positionals);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError || error instanceof StartupError) {
    process.stderr.write(`docket: ${error.message}\n`);
    process.exit(error instanceof AppError ? 2 : 1);
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) fail(error.message);
  process.stderr.write(`docket: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
