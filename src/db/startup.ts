import type { DatabaseConfig } from '../config/config.js';
import type { Logger } from '../lib/logger.js';
import type { DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';

/** A start-up failure with a message for people: printed as one line, no stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** The database's address for messages, without a password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.dialect === 'sqlite') return `SQLite file ${config.filename}`;
  try {
    const url = new URL(config.connectionString);
    url.password = '';
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter((p) => p !== undefined && p !== '').join(' ') || String(error);
}

/**
 * Waits until the database answers (one log line per failed attempt, backoff from 0.5 s to
 * 5 s), then applies pending migrations. Gives up after `waitSeconds` with a StartupError.
 */
export async function prepareDatabase(
  database: DatabaseHandle,
  config: DatabaseConfig,
  options: { waitSeconds: number; logger: Logger },
): Promise<void> {
  const deadline = Date.now() + options.waitSeconds * 1000;
  const where = describeDatabase(config);
  for (let attempt = 1, delay = 500; ; attempt += 1, delay = Math.min(5000, delay * 2)) {
    try {
      await database.ping();
      break;
    } catch (error) {
      const reason = reasonOf(error);
      if (Date.now() + delay > deadline) {
        throw new StartupError(
          `${where} is not reachable (${reason}); gave up after ${options.waitSeconds} s. Check DATABASE_URL, or raise DATABASE_WAIT_SECONDS.`,
        );
      }
      options.logger.warn({ attempt, retry_in_ms: delay, reason }, `${where} is not reachable yet; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    throw new StartupError(`Could not migrate ${where}: ${reasonOf(error)}`);
  }
}
