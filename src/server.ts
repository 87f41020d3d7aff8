import { join } from 'node:path';
import type { Config } from './config/config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from './http/app.js';
import { purgeExpiredIdempotencyKeys } from './http/idempotency.js';
import { systemClock } from './lib/clock.js';
import { packageRoot } from './lib/package-root.js';
import { ensureFirstRun } from './modules/accounts/first-run.js';

/**
 * `docket serve`: migrate, run first-run setup, listen, and on SIGTERM/SIGINT stop accepting
 * connections, let in-flight requests finish, then close the database.
 */
export async function serve(config: Config): Promise<void> {
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const { app, services } = await buildApp({
    config,
    database,
    clock: systemClock,
    webRoot: join(packageRoot(), 'dist', 'web'),
  });

  const report = await ensureFirstRun(
    { accounts: services.accounts, apiKeys: services.apiKeys, publicUrl: config.publicUrl },
    config.firstRun,
  );
  if (report.lines.length > 0) {
    // Printed to stdout once, not logged: the log never carries secrets.
    process.stdout.write(['', '  Docket first run', ...report.lines.map((l) => `  ${l}`), ''].join('\n') + '\n');
  }

  // Housekeeping off the request path: expired idempotency records go once an hour.
  const housekeeping = setInterval(() => {
    purgeExpiredIdempotencyKeys(database.db, systemClock).catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed'));
  }, 3_600_000);
  housekeeping.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    clearInterval(housekeeping);
    try {
      await app.close();
      await database.destroy();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info({ url: config.publicUrl, database: config.database.dialect }, 'Docket is listening');
}
