import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutboundAllow } from '../src/config/outbound-allow.js';
import { OutboundError, OutboundGuard, isPublic } from '../src/net/outbound.js';

/** A TCP listener that only counts connections: proof that nothing reached it. */
async function trap(host: string, port = 0): Promise<{ server: TcpServer; port: number; connections: () => number }> {
  let count = 0;
  const server = createTcpServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => count };
}

describe('the outgoing-request guard', () => {
  let target: Server;
  let port: number;
  let requests: string[] = [];
  let otherPort: Awaited<ReturnType<typeof trap>>;
  let otherAddress: Awaited<ReturnType<typeof trap>>;
  let guard: OutboundGuard;
  const names: Record<string, string[]> = {};

  beforeAll(async () => {
    target = createHttpServer((req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers['user-agent']} ${req.headers['accept-encoding']}`);
      if (req.url === '/big') {
        res.end(Buffer.alloc(2 * 1024 * 1024, 'a'));
      } else if (req.url === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1024 * 1024, 'b')));
      } else if (req.url === '/hang') {
        res.writeHead(200);
        res.write('partial');
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: '/ok' }).end();
      } else {
        res.end('hello');
      }
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    port = (target.address() as AddressInfo).port;
    otherPort = await trap('127.0.0.1');
    // 127.0.0.2 is loopback too, but not on the allow list: the same port there must stay unreached.
    otherAddress = await trap('127.0.0.2', port);
    names['allowed.test'] = ['127.0.0.1'];
    names['mixed.test'] = ['127.0.0.1', '127.0.0.2'];
    names['loopback.test'] = ['127.0.0.1'];
    guard = new OutboundGuard({
      allow: parseOutboundAllow(`127.0.0.1:${port}`),
      userAgent: 'Docket/test',
      lookup: async (hostname) => {
        const found = names[hostname];
        if (found === undefined) throw new Error('ENOTFOUND');
        return found;
      },
    });
  });
  afterAll(async () => {
    await guard.close();
    target.closeAllConnections();
    await new Promise<void>((resolve) => target.close(() => resolve()));
    for (const t of [otherPort, otherAddress]) await new Promise<void>((resolve) => t.server.close(() => resolve()));
  });

  const refused = async (url: string, code: string) => {
    const before = requests.length;
    const error = await guard.request(url, { timeoutMs: 5000, maxBodyBytes: 1024 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).code).toBe(code);
    expect(requests.length).toBe(before);
  };

  it('reaches an allowed target over plain http, with its user agent and no compression asked for', async () => {
    requests = [];
    const response = await guard.request(`http://127.0.0.1:${port}/ok`, { timeoutMs: 5000, maxBodyBytes: 1024 });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('hello');
    expect(requests).toEqual(['GET /ok Docket/test identity']);
    // The same target through a name that resolves to it, and the decimal spelling of its address.
    expect((await guard.request(`http://allowed.test:${port}/ok`, { timeoutMs: 5000, maxBodyBytes: 1024 })).status).toBe(200);
    expect((await guard.request(`http://2130706433:${port}/ok`, { timeoutMs: 5000, maxBodyBytes: 1024 })).status).toBe(200);
  });

  it('refuses loopback targets that are not on the allow list, however they are spelled, without connecting', async () => {
    for (const url of [
      `http://127.0.0.2:${port}/`,
      `https://127.0.0.2:${port}/`,
      `http://127.0.0.1:${otherPort.port}/`,
      `https://127.0.0.1:${otherPort.port}/`,
      `https://2130706433:${otherPort.port}/`,
      `https://0x7f.1:${otherPort.port}/`,
      `https://127.1:${otherPort.port}/`,
      `https://[::ffff:127.0.0.1]:${otherPort.port}/`,
      `https://[::1]:${otherPort.port}/`,
      // Names: checked at connect time, every resolved address.
      `https://loopback.test:${otherPort.port}/`,
      `http://mixed.test:${port}/`,
      `https://mixed.test:${port}/`,
    ]) {
      await refused(url, 'blocked_address');
    }
    expect(otherPort.connections()).toBe(0);
    expect(otherAddress.connections()).toBe(0);
  });

  it('refuses credentials in URLs and other schemes', async () => {
    await refused(`http://user:pw@127.0.0.1:${port}/ok`, 'invalid_url');
    await refused('file:///etc/passwd', 'invalid_url');
    await refused('not a url', 'invalid_url');
  });

  it('caps bodies counted on the wire, and never inflates them', async () => {
    await expect(guard.request(`http://127.0.0.1:${port}/big`, { timeoutMs: 5000, maxBodyBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'too_large',
    });
    const truncated = await guard.request(`http://127.0.0.1:${port}/big`, { timeoutMs: 5000, maxBodyBytes: 1024, overflow: 'truncate' });
    expect(truncated.body.length).toBe(1024);
    expect(truncated.truncated).toBe(true);
    const gzip = await guard.request(`http://127.0.0.1:${port}/gzip`, { timeoutMs: 5000, maxBodyBytes: 64 * 1024 });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    // What arrived is the compressed bytes (about 1 KiB), not the megabyte they inflate to.
    expect(gzip.body.length).toBeLessThan(64 * 1024);
    expect(gzip.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('does not follow redirects', async () => {
    const response = await guard.request(`http://127.0.0.1:${port}/redirect`, { timeoutMs: 5000, maxBodyBytes: 1024 });
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe('/ok');
  });

  it('gives up on a response that never finishes', async () => {
    const started = Date.now();
    await expect(guard.request(`http://127.0.0.1:${port}/hang`, { timeoutMs: 300, maxBodyBytes: 1024 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('classifies addresses with ipaddr.js', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '0.0.0.0', '224.0.0.1', '2002:7f00:1::', '64:ff9b::7f00:1', 'fe80::1', 'fc00::1']) {
      expect(isPublic(address)).toBe(false);
    }
    expect(isPublic('2001:4860:4860::8888')).toBe(true);
  });
});

describe('OUTBOUND_ALLOW', () => {
  it('takes hosts, IPs and CIDRs, each with an optional port', () => {
    expect(parseOutboundAllow(' 127.0.0.1:4567, localhost , hooks.internal:8443, [::1]:9000, ::1, 127.0.0.0/8, [fd00::/8]:443 ')).toEqual([
      { cidr: '127.0.0.1/32', port: 4567 },
      { host: 'localhost' },
      { host: 'hooks.internal', port: 8443 },
      { cidr: '::1/128', port: 9000 },
      { cidr: '::1/128' },
      { cidr: '127.0.0.0/8' },
      { cidr: 'fd00::/8', port: 443 },
    ]);
    expect(parseOutboundAllow('')).toEqual([]);
    for (const bad of ['127.0.0.1:99999', 'http://x', '300.1.1.1', 'a b', '[::1', '127.0.0.0/99']) {
      expect(() => parseOutboundAllow(bad)).toThrow();
    }
  });
});
