import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import type { Tx } from './database.js';
import { afterCommit } from './transaction.js';

/**
 * "Something changed, look now" signals that arrive only if the transaction commits. Within a
 * process they are an event after commit; on PostgreSQL they also go to every other process
 * through NOTIFY, which the server delivers at commit and drops on rollback. Listeners treat a
 * signal as a hint: whoever needs certainty also polls.
 */
export interface Notifier {
  notify(tx: Tx, channel: string): Promise<void>;
  /** Calls `fn` on every signal; returns a function that stops listening. */
  listen(channel: string, fn: () => void): Promise<() => Promise<void>>;
}

const notified = new WeakMap<Tx, Set<string>>();

function once(tx: Tx, channel: string): boolean {
  let channels = notified.get(tx);
  if (channels === undefined) {
    channels = new Set();
    notified.set(tx, channels);
  }
  if (channels.has(channel)) return false;
  channels.add(channel);
  return true;
}

export function localNotifier(): Notifier & { emitter: EventEmitter } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emitter,
    notify: async (tx, channel) => {
      if (once(tx, channel)) afterCommit(tx, () => void emitter.emit(channel));
    },
    listen: async (channel, fn) => {
      emitter.on(channel, fn);
      return async () => void emitter.off(channel, fn);
    },
  };
}

export function postgresNotifier(
  connection: { connectionString: string; searchPath?: string | undefined },
  onError: (error: unknown, what: string) => void,
): Notifier {
  const local = localNotifier();
  return {
    notify: async (tx, channel) => {
      if (!once(tx, channel)) return;
      afterCommit(tx, () => void local.emitter.emit(channel));
      await sql`select pg_notify(${channel}, '')`.execute(tx);
    },
    listen: async (channel, fn) => {
      local.emitter.on(channel, fn);
      let client: pg.Client | undefined;
      let stopped = false;
      let retryTimer: NodeJS.Timeout | undefined;
      const connect = async (delayMs: number): Promise<void> => {
        if (stopped) return;
        const next = new pg.Client({ connectionString: connection.connectionString, keepAlive: true, connectionTimeoutMillis: 5000 });
        let failed = false;
        const retry = (error: unknown) => {
          if (stopped || failed) return;
          failed = true;
          onError(error, `LISTEN ${channel} connection lost; polling until it is back`);
          next.removeAllListeners();
          next.end().catch(() => undefined);
          if (client === next) client = undefined;
          retryTimer = setTimeout(() => void connect(Math.min(delayMs * 2, 30_000)), delayMs);
          retryTimer.unref();
        };
        next.on('error', retry);
        next.on('end', () => retry(new Error('the server closed the connection')));
        next.on('notification', (message) => {
          if (message.channel === channel) fn();
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
          client = next;
          // Work may have arrived while the connection was down.
          fn();
        } catch (error) {
          retry(error);
        }
      };
      await connect(500);
      return async () => {
        stopped = true;
        if (retryTimer !== undefined) clearTimeout(retryTimer);
        local.emitter.off(channel, fn);
        const current = client;
        client = undefined;
        if (current !== undefined) {
          current.removeAllListeners();
          current.on('error', () => undefined);
          await current.end().catch(() => undefined);
        }
      };
    },
  };
}
