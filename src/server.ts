import { join } from 'node:path';
import type { Config } from './config/config.js';
import { createContext, type Context } from './context.js';
import { openDatabase } from './db/database.js';
import { holdServeLock } from './db/sqlite-connection.js';
import { StartupError, describeDatabase, prepareDatabase } from './db/startup.js';
import { buildApp } from './http/app.js';
import { createLogger, type Logger } from './lib/logger.js';
import { packageRoot } from './lib/package-root.js';
import { ensureFirstRun } from './modules/accounts/first-run.js';

/** Opens the database named by config, waits for it, migrates, and builds the context on it. */
async function startContext(config: Config, logger: Logger): Promise<Context> {
  const database = openDatabase(config.database, { onBackgroundError: (error, what) => logger.warn({ err: error }, what) });
  try {
    await prepareDatabase(database, config.database, { waitSeconds: config.databaseWaitSeconds, logger });
  } catch (error) {
    await database.destroy().catch(() => undefined);
    throw error;
  }
  return createContext(config, { database, logger, ownsDatabase: true });
}

/** SIGTERM / SIGINT run `stop` once; a second signal, or the timeout, ends the process. */
function onShutdown(config: Config, logger: Logger, stop: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and running jobs');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2000);
    timer.unref();
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * `docket serve`: wait for the database and migrate, run first-run setup, listen, and run the
 * job runner in this process (always on SQLite; on PostgreSQL unless JOBS_IN_PROCESS=false).
 * SIGTERM stops accepting connections, lets in-flight requests and running jobs finish, hands
 * back the jobs that did not, then closes the database.
 */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const lock = config.database.dialect === 'sqlite' ? holdServeLock(config.database.filename) : { release: () => undefined };
  if (lock === undefined) {
    throw new StartupError(
      `Another docket serve is already running on ${describeDatabase(config.database)}. One process serves a SQLite file; several processes need PostgreSQL (DATABASE_URL=postgres://…).`,
    );
  }
  let ctx: Context;
  try {
    ctx = await startContext(config, logger);
  } catch (error) {
    lock.release();
    throw error;
  }
  const { app } = await buildApp(ctx, { webRoot: join(packageRoot(), 'dist', 'web') });

  const report = await ensureFirstRun(
    { accounts: ctx.services.accounts, apiKeys: ctx.services.apiKeys, publicUrl: config.publicUrl },
    config.firstRun,
  );
  if (report.lines.length > 0) {
    // Printed to stdout once, not logged: the log never carries secrets.
    process.stdout.write(['', '  Docket first run', ...report.lines.map((l) => `  ${l}`), ''].join('\n') + '\n');
  }

  const runJobs = config.jobsInProcess || config.database.dialect === 'sqlite';
  if (!config.jobsInProcess && config.database.dialect === 'sqlite') {
    logger.warn('JOBS_IN_PROCESS=false is ignored on SQLite: background work runs inside `docket serve` (there is no separate worker)');
  }

  onShutdown(config, logger, async () => {
    await app.close();
    await ctx.close();
    lock.release();
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await ctx.close();
    lock.release();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new StartupError(`Port ${config.port} on ${config.host} is already in use. Stop the other program or set PORT.`);
    if (code === 'EACCES') throw new StartupError(`Not allowed to listen on port ${config.port} on ${config.host}. Choose a port above 1023 with PORT.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new StartupError(`HOST=${config.host} is not an address of this machine.`);
    throw error;
  }
  if (runJobs) await ctx.jobs.runner.start();
  logger.info({ url: config.publicUrl, database: config.database.dialect, jobs: runJobs ? 'in-process' : 'workers' }, 'Docket is listening');
  logger.info(
    config.llm === undefined
      ? { interviewer: 'rules' }
      : { interviewer: 'model', model: config.llm.model, llm_host: new URL(config.llm.baseUrl).host },
    config.llm === undefined
      ? 'Interviewer: no model configured (LLM_MODEL): planned questions in order, scored by a person'
      : 'Interviewer: model configured',
  );
  const address = app.server.address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  process.stdout.write(
    `\n  Docket is running: dashboard ${config.publicUrl}/ · API ${config.publicUrl}/api/v1 · reference ${config.publicUrl}/docs\n` +
      `  Listening on ${config.host}:${port} · ${describeDatabase(config.database)} · mail: ${config.smtpUrl === undefined ? 'outbox (no SMTP_URL)' : 'SMTP'}\n\n`,
  );
}

/**
 * `docket worker`: only the job runner, for deployments with several processes on one
 * PostgreSQL database. On SQLite another process would fight `serve` for the file, so it refuses.
 */
export async function work(config: Config): Promise<void> {
  if (config.database.dialect !== 'postgres') {
    throw new StartupError(
      'docket worker needs PostgreSQL (DATABASE_URL=postgres://…). On SQLite, background work runs inside `docket serve`; start that instead.',
    );
  }
  const logger = createLogger(config.logLevel);
  const ctx = await startContext(config, logger);
  onShutdown(config, logger, () => ctx.close());
  await ctx.jobs.runner.start();
  logger.info({ runner: ctx.jobs.runner.id, concurrency: config.jobsConcurrency }, 'Docket worker is running jobs');
}
