import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import { Webhook } from 'standardwebhooks';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface Receiver {
  port: number;
  url(path: string): string;
  received: ReceivedRequest[];
  /** The next requests to `path` get these replies, in order; afterwards 200. */
  reply(path: string, ...replies: Reply[]): void;
  /** Every request to `path` gets this reply. */
  always(path: string, reply: Reply): void;
  on(path: string): ReceivedRequest[];
  /** The most requests to `path` that were open (received, not yet answered) at one time. */
  mostAtOnce(path: string): number;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that keeps every request and answers as told. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const queued = new Map<string, Reply[]>();
  const fixed = new Map<string, Reply>();
  const open = new Map<string, number>();
  const most = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      open.set(path, (open.get(path) ?? 0) + 1);
      most.set(path, Math.max(most.get(path) ?? 0, open.get(path) ?? 0));
      res.once('close', () => open.set(path, (open.get(path) ?? 1) - 1));
      const reply = queued.get(path)?.shift() ?? fixed.get(path) ?? { status: 200, body: 'ok' };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '');
      };
      if (reply.delayMs !== undefined) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    reply: (path, ...replies) => queued.set(path, [...(queued.get(path) ?? []), ...replies]),
    always: (path, reply) => fixed.set(path, reply),
    on: (path) => received.filter((r) => r.path === path),
    mostAtOnce: (path) => most.get(path) ?? 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Verifies a received request with the official Standard Webhooks library, as a receiver would
 * at `now` (the library checks the timestamp against the current time).
 */
export function verifyWithLibrary(secret: string, request: ReceivedRequest, now: Date): unknown {
  const headers = {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  };
  const spy = vi.spyOn(Date, 'now').mockReturnValue(now.getTime());
  try {
    return new Webhook(secret).verify(request.body, headers);
  } finally {
    spy.mockRestore();
  }
}
