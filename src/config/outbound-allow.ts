import ipaddr from 'ipaddr.js';

/**
 * `OUTBOUND_ALLOW`: targets that outgoing requests (webhooks, resumes) may reach although they
 * are private, loopback or plain http — for development and tests. Comma-separated hosts, IPs
 * or CIDRs, each optionally with `:port`; IPv6 with a port goes in brackets (`[::1]:8080`).
 */
export interface AllowEntry {
  /** A host name, matched exactly (case-insensitive) before any DNS lookup. */
  readonly host?: string;
  /** An IP range in CIDR form (`127.0.0.1/32`, `fd00::/8`). */
  readonly cidr?: string;
  /** Only this port, when given. */
  readonly port?: number;
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function parsePort(text: string, entry: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw new Error(`"${entry}" has an invalid port`);
  return Number(text);
}

function parseAddress(text: string, entry: string): string {
  if (text.includes('/')) {
    try {
      const [address, prefix] = ipaddr.parseCIDR(text);
      return `${address.toString()}/${prefix}`;
    } catch {
      throw new Error(`"${entry}" is not a valid CIDR range`);
    }
  }
  if (!ipaddr.isValid(text)) throw new Error(`"${entry}" is not a valid IP address`);
  const address = ipaddr.parse(text);
  return `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`;
}

export function parseOutboundAllow(raw: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(part);
    if (bracketed !== null) {
      const cidr = parseAddress(bracketed[1] ?? '', part);
      entries.push(bracketed[2] !== undefined ? { cidr, port: parsePort(bracketed[2], part) } : { cidr });
      continue;
    }
    // A bare IPv6 address or range (no port possible without brackets).
    if ((part.match(/:/g) ?? []).length > 1) {
      entries.push({ cidr: parseAddress(part, part) });
      continue;
    }
    const colon = part.lastIndexOf(':');
    const target = colon === -1 ? part : part.slice(0, colon);
    const port = colon === -1 ? undefined : parsePort(part.slice(colon + 1), part);
    // Anything made of digits and dots is meant as an address (and 300.1.1.1 is not one).
    const isAddress = target.includes('/') || /^[\d.]+$/.test(target);
    if (isAddress) {
      const cidr = parseAddress(target, part);
      entries.push(port === undefined ? { cidr } : { cidr, port });
      continue;
    }
    const host = target.toLowerCase();
    if (!HOST.test(host)) throw new Error(`"${part}" is not a host name, IP address or CIDR range`);
    entries.push(port === undefined ? { host } : { host, port });
  }
  return entries;
}
