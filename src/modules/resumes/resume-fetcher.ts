import { OutboundError, type OutboundGuard, type OutboundResponse } from '../../net/outbound.js';
import type { ResumeErrorCode } from '../participants/participants.schemas.js';

/** SPEC §7: at most this many bytes arrive on the wire, compressed or not. */
export const RESUME_MAX_BYTES = 10 * 1024 * 1024;
export const RESUME_MAX_REDIRECTS = 3;
/** Longest wait for response headers once a request is sent (the whole download has more). */
const HEADERS_TIMEOUT_MS = 10_000;

export interface FetchLimits {
  /** Everything, redirects included. */
  totalTimeoutMs: number;
  maxBytes?: number;
}

export interface ResumeFailure {
  code: ResumeErrorCode;
  message: string;
  /** Worth trying again later: timeouts, 5xx, 429, the network. */
  transient: boolean;
  /** How long the server asked us to wait (Retry-After). */
  retryAfterMs?: number | undefined;
}

export type FetchOutcome = { ok: true; body: Buffer; url: string; ms: number } | ({ ok: false; ms: number } & ResumeFailure);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/plain;q=0.9, */*;q=0.1';

/**
 * Downloads a resume through the outgoing guard: each hop (at most 3 redirects) is checked again
 * by the guard, at connect time; the body is capped on the wire and never decompressed; the
 * whole download has one time budget, with a shorter wait for headers.
 */
export async function fetchResume(guard: OutboundGuard, url: string, limits: FetchLimits, now: () => number = Date.now): Promise<FetchOutcome> {
  const started = now();
  const deadline = started + limits.totalTimeoutMs;
  const maxBytes = limits.maxBytes ?? RESUME_MAX_BYTES;
  const fail = (failure: ResumeFailure): FetchOutcome => ({ ok: false, ms: now() - started, ...failure });
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const remaining = deadline - now();
    if (remaining <= 0) return fail(timedOut(limits.totalTimeoutMs));
    let response: OutboundResponse;
    try {
      response = await guard.request(current, {
        timeoutMs: remaining,
        headersTimeoutMs: Math.min(HEADERS_TIMEOUT_MS, remaining),
        maxBodyBytes: maxBytes,
        headers: { accept: ACCEPT },
      });
    } catch (error) {
      if (error instanceof OutboundError) return fail(fromOutbound(error, limits.totalTimeoutMs, maxBytes));
      throw error;
    }
    const location = response.headers['location'];
    if (REDIRECTS.has(response.status) && location !== undefined) {
      if (hop >= RESUME_MAX_REDIRECTS) {
        return fail({ code: 'http_error', message: `The link redirects more than ${RESUME_MAX_REDIRECTS} times.`, transient: false });
      }
      try {
        current = new URL(location, current).href;
      } catch {
        return fail({ code: 'http_error', message: 'The link redirects to an invalid URL.', transient: false });
      }
      continue;
    }
    if (response.status < 200 || response.status > 299) return fail(httpStatus(response));
    const encoding = response.headers['content-encoding']?.trim().toLowerCase();
    if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
      // identity was asked for; compressed bodies are never inflated (a small one can expand without bound).
      return fail({
        code: 'unsupported_type',
        message: `The server sent the file compressed (${encoding.slice(0, 40)}) although it was asked not to; Docket does not decompress downloads.`,
        transient: false,
      });
    }
    return { ok: true, body: response.body, url: current, ms: now() - started };
  }
}

function timedOut(totalMs: number): ResumeFailure {
  return { code: 'timeout', message: `The download did not finish within ${Math.round(totalMs / 1000)} s.`, transient: true };
}

function fromOutbound(error: OutboundError, totalMs: number, maxBytes: number): ResumeFailure {
  switch (error.code) {
    case 'blocked_address':
      return { code: 'blocked_address', message: error.message, transient: false };
    case 'invalid_url':
      return { code: 'http_error', message: error.message, transient: false };
    case 'timeout':
      return timedOut(totalMs);
    case 'too_large':
      return { code: 'too_large', message: `The file is larger than ${maxBytes / (1024 * 1024)} MiB.`, transient: false };
    case 'network':
      return { code: 'http_error', message: `The server could not be reached (${error.message.slice(0, 200)}).`, transient: true };
  }
}

function httpStatus(response: OutboundResponse): ResumeFailure {
  const status = response.status;
  const transient = status >= 500 || status === 408 || status === 425 || status === 429;
  const failure: ResumeFailure = { code: 'http_error', message: `The server answered HTTP ${status}.`, transient };
  if (transient) {
    const wait = retryAfterMs(response.headers['retry-after']);
    if (wait !== undefined) failure.retryAfterMs = wait;
  }
  return failure;
}

/** Retry-After in seconds or as an HTTP date; at most a day. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) : (Date.parse(value) - Date.now()) / 1000;
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.min(seconds, 86_400) * 1000;
}
