import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, request, type Dispatcher } from 'undici';
import type { AllowEntry } from '../config/outbound-allow.js';

/**
 * The one guard for every request Docket makes to an address someone else chose (webhook
 * endpoints, resume links). The address is checked when the connection is opened, for every
 * address the name resolves to and for IP literals alike (so DNS rebinding and spellings such
 * as 2130706433, 0x7f.1 or [::ffff:127.0.0.1] do not pass), and the connection goes to the
 * address that was checked. Only public unicast addresses pass, plus what OUTBOUND_ALLOW names
 * (which may also be reached over plain http). Redirects are never followed here, bodies are
 * never decompressed, and reading a body stops at a byte cap.
 */

export type OutboundErrorCode = 'invalid_url' | 'blocked_address' | 'timeout' | 'too_large' | 'network';

export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export type LookupFn = (hostname: string) => Promise<string[]>;

export interface OutboundOptions {
  allow: readonly AllowEntry[];
  /** Name resolution (default: the system resolver, every address). Tests inject their own. */
  lookup?: LookupFn;
  connectTimeoutMs?: number;
  /** The User-Agent sent with every request. */
  userAgent: string;
}

export interface OutboundRequest {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Everything (connect, headers, body) must be done by then. */
  timeoutMs: number;
  /** Longest wait for the response headers once connected (default: timeoutMs). */
  headersTimeoutMs?: number;
  maxBodyBytes: number;
  /** `error` (default): a longer body fails with too_large; `truncate`: keep the first bytes. */
  overflow?: 'error' | 'truncate';
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** Bytes received on the wire (capped reads stop early). */
  bytes: number;
  truncated: boolean;
}

interface CompiledEntry {
  host?: string;
  range?: [ipaddr.IPv4 | ipaddr.IPv6, number];
  port?: number;
}

const PLAIN_HTTP = 'Plain http is only allowed to targets on OUTBOUND_ALLOW; use https.';

const systemLookup: LookupFn = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

export class OutboundGuard {
  private readonly allow: CompiledEntry[];
  private readonly lookup: LookupFn;
  readonly dispatcher: Dispatcher;

  constructor(private readonly options: OutboundOptions) {
    this.allow = options.allow.map((entry) => ({
      ...(entry.host !== undefined ? { host: entry.host } : {}),
      ...(entry.cidr !== undefined ? { range: ipaddr.parseCIDR(entry.cidr) } : {}),
      ...(entry.port !== undefined ? { port: entry.port } : {}),
    }));
    this.lookup = options.lookup ?? systemLookup;
    const connect = buildConnector({ timeout: options.connectTimeoutMs ?? 5000 });
    this.dispatcher = new Agent({
      connect: (connectOptions, callback) => {
        const hostname = stripBrackets(connectOptions.hostname);
        const port = Number(connectOptions.port) || defaultPort(connectOptions.protocol);
        this.resolve(hostname, port, connectOptions.protocol === 'http:')
          .then((address) =>
            connect(
              {
                ...connectOptions,
                hostname: address,
                // TLS still verifies the certificate against the name that was asked for.
                ...(isIP(hostname) === 0 ? { servername: connectOptions.servername ?? hostname } : {}),
              },
              callback,
            ),
          )
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
      },
    });
  }

  /** Whether a host (name or address) and port are on OUTBOUND_ALLOW. */
  isAllowed(host: string, port: number): boolean {
    const name = stripBrackets(host).toLowerCase();
    const address = ipaddr.isValid(name) ? ipaddr.process(name) : undefined;
    return this.allow.some((entry) => {
      if (entry.port !== undefined && entry.port !== port) return false;
      if (entry.host !== undefined) return entry.host === name;
      if (entry.range === undefined || address === undefined) return false;
      const [base, bits] = entry.range;
      const candidate = address.kind() === base.kind() ? address : address.kind() === 'ipv4' ? (address as ipaddr.IPv4).toIPv4MappedAddress() : undefined;
      return candidate !== undefined && candidate.match(base, bits);
    });
  }

  /**
   * Checks what can be checked before connecting: a URL, http(s), no credentials, and an IP
   * literal that is public or allowed (plain http only to an allowed one). Names are checked
   * when connecting. Returns the URL.
   */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundError('invalid_url', 'The URL is not valid.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundError('invalid_url', 'Only http and https URLs can be fetched.');
    if (url.username !== '' || url.password !== '') throw new OutboundError('invalid_url', 'URLs with credentials are not accepted.');
    const port = url.port === '' ? defaultPort(url.protocol) : Number(url.port);
    const host = stripBrackets(url.hostname);
    if (ipaddr.isValid(host) && !this.isAllowed(host, port)) {
      if (url.protocol === 'http:') throw new OutboundError('blocked_address', PLAIN_HTTP);
      if (!isPublic(host)) throw new OutboundError('blocked_address', 'The address is private, loopback or reserved.');
    }
    return url;
  }

  /** One request through the guard: no redirects followed, body capped, never decompressed. */
  async request(raw: string, init: OutboundRequest): Promise<OutboundResponse> {
    const url = this.checkUrl(raw);
    const signal = AbortSignal.timeout(init.timeoutMs);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        dispatcher: this.dispatcher,
        method: init.method ?? 'GET',
        headers: { 'user-agent': this.options.userAgent, 'accept-encoding': 'identity', ...init.headers },
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal,
        headersTimeout: init.headersTimeoutMs ?? init.timeoutMs,
        bodyTimeout: init.timeoutMs,
      });
    } catch (error) {
      throw classify(error, signal);
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > init.maxBodyBytes) {
          if (init.overflow === 'truncate') {
            chunks.push(chunk.subarray(0, chunk.length - (bytes - init.maxBodyBytes)));
            truncated = true;
            response.body.destroy();
            break;
          }
          response.body.destroy();
          throw new OutboundError('too_large', `The response is larger than ${init.maxBodyBytes} bytes.`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof OutboundError) throw error;
      throw classify(error, signal);
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    return { status: response.statusCode, headers, body: Buffer.concat(chunks), bytes, truncated };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  /**
   * Resolves a name at connect time and returns the one address to connect to, all checked.
   * Plain http goes only to targets on the allow list (by name, or every address).
   */
  private async resolve(hostname: string, port: number, plainHttp: boolean): Promise<string> {
    if (isIP(hostname) !== 0) {
      if (this.isAllowed(hostname, port)) return hostname;
      if (plainHttp) throw new OutboundError('blocked_address', PLAIN_HTTP);
      if (isPublic(hostname)) return hostname;
      throw new OutboundError('blocked_address', 'The address is private, loopback or reserved.');
    }
    const hostAllowed = this.isAllowed(hostname, port);
    let addresses: string[];
    try {
      addresses = await this.lookup(hostname);
    } catch {
      throw new OutboundError('network', `The host name ${hostname} could not be resolved.`);
    }
    if (addresses.length === 0) throw new OutboundError('network', `The host name ${hostname} has no address.`);
    // Every address must pass, not just the first: a name may mix public and private answers.
    for (const address of addresses) {
      if (hostAllowed || this.isAllowed(address, port)) continue;
      if (plainHttp) throw new OutboundError('blocked_address', PLAIN_HTTP);
      if (!isPublic(address)) {
        throw new OutboundError('blocked_address', `${hostname} resolves to an address that is private, loopback or reserved.`);
      }
    }
    return addresses[0] as string;
  }
}

/** Public unicast only: ipaddr.js classifies mapped, 6to4, NAT64 and the rest. */
export function isPublic(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}

function classify(error: unknown, signal: AbortSignal): OutboundError {
  if (error instanceof OutboundError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof OutboundError) return cause;
  const code = (error as { code?: string }).code ?? '';
  if (signal.aborted || /TIMEOUT/.test(code) || (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
    return new OutboundError('timeout', 'The request timed out.');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OutboundError('network', code !== '' ? `${code}: ${message}` : message);
}
