import { createServer } from 'node:net';
import type { LookupFn } from '../../src/net/outbound.js';

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Name resolution for outgoing requests in tests: `localhost` is 127.0.0.1 and every other name
 * fails, so no test (nor a job drained by one) ever asks DNS or reaches another address.
 */
export const loopbackLookup: LookupFn = async (hostname) => {
  if (hostname === 'localhost') return ['127.0.0.1'];
  throw new Error(`tests resolve no names (${hostname})`);
};
