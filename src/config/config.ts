import { ACCOUNT_SLUG_PATTERN, API_KEY_PATTERN } from '../lib/formats.js';
import { parseOutboundAllow, type AllowEntry } from './outbound-allow.js';

/**
 * The only module that reads process.env. Everything is parsed once at boot into a typed,
 * frozen object; a bad value stops start-up with a message naming the variable.
 */

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly filename: string }
  | { readonly dialect: 'postgres'; readonly connectionString: string; readonly poolSize: number };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface FirstRunConfig {
  readonly accountSlug: string | undefined;
  readonly accountName: string | undefined;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly apiKey: string | undefined;
}

/** How the token limit is named in a chat-completions request: servers disagree. */
export const LLM_TOKEN_PARAMS = ['max_tokens', 'max_completion_tokens', 'none'] as const;
/** How structured output is requested: a JSON schema, JSON mode, or only by the prompt. */
export const LLM_RESPONSE_FORMATS = ['json_schema', 'json_object', 'none'] as const;

/** The interviewer's model (SPEC §10): any OpenAI-compatible chat-completions server. */
export interface LlmConfig {
  /** Base URL of the API, ending before `/chat/completions` (e.g. http://127.0.0.1:11434/v1). */
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly model: string;
  /** Per HTTP attempt. */
  readonly timeoutMs: number;
  /** Transport retries (connection errors, 408, 429, 5xx) after the first attempt. */
  readonly maxRetries: number;
  readonly tokenParam: (typeof LLM_TOKEN_PARAMS)[number];
  readonly maxOutputTokens: number;
  readonly responseFormat: (typeof LLM_RESPONSE_FORMATS)[number];
  /** Read answers as server-sent events (some local servers and proxies prefer it for long answers). */
  readonly stream: boolean;
}

export interface InterviewConfig {
  /** An in-progress interview with no activity for this long is failed (abandoned). */
  readonly abandonAfterMinutes: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  readonly rateLimitPerSecond: number;
  readonly rateLimitBurst: number;
  readonly trustProxy: boolean;
  readonly sessionTtlHours: number;
  readonly secureCookies: boolean;
  readonly shutdownTimeoutMs: number;
  /** How long start-up waits for an unreachable database before giving up. */
  readonly databaseWaitSeconds: number;
  /** `serve` runs the job runner in its own process (SQLite always does). */
  readonly jobsInProcess: boolean;
  readonly jobsConcurrency: number;
  readonly jobsPollIntervalMs: number;
  /** Most jobs of one group (deliveries to one webhook endpoint) running at once. */
  readonly jobsGroupConcurrency: number;
  /** Undefined: no SMTP, mail goes to the built-in outbox. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly eventRetentionDays: number;
  /** A webhook attempt must be answered within this (SPEC §6: 10 s). */
  readonly webhookTimeoutMs: number;
  /** New deliveries wait this long for others to the same endpoint, so they are sent in batches. */
  readonly webhookBatchDelayMs: number;
  /** Webhook deliveries and their attempts are kept this long. */
  readonly webhookRetentionDays: number;
  /** When reminders of a scheduled session go out, before its start (default 24 h and 1 h). */
  readonly reminderOffsets: readonly ReminderOffset[];
  /**
   * Key that derives join links from session ids. Undefined: a key generated at install time
   * and kept in the database (table server_secrets) is used.
   */
  readonly joinLinkSecret: string | undefined;
  /** Targets outgoing requests may reach although private, loopback or plain http. */
  readonly outboundAllow: readonly AllowEntry[];
  /** A resume download, redirects included, must finish within this (connect and headers get less). */
  readonly resumeFetchTimeoutMs: number;
  /** Reading one resume file (worker thread) is stopped after this long. */
  readonly resumeExtractTimeoutMs: number;
  /** Heap limit of the worker that reads one resume file. */
  readonly resumeExtractMemoryMb: number;
  readonly firstRun: FirstRunConfig;
  /** Undefined: no model; the interviewer asks the plan's questions and a person scores. */
  readonly llm: LlmConfig | undefined;
  readonly interview: InterviewConfig;
}

/** One reminder: `label` as written in REMINDER_OFFSETS (e.g. "24h"), `ms` before the start. */
export interface ReminderOffset {
  readonly label: string;
  readonly ms: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function readOptional(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

export function parseDatabaseUrl(raw: string, poolSize: number, variable = 'DATABASE_URL'): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const filename = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (filename === '') throw new ConfigError(variable, 'needs a file path after "sqlite:"');
    return { dialect: 'sqlite', filename };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError(variable, 'is not a valid postgres:// URL');
    }
    return { dialect: 'postgres', connectionString: raw, poolSize };
  }
  throw new ConfigError(variable, 'must start with "sqlite:" or "postgres://"');
}

const OFFSET_UNITS_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_REMINDER_OFFSET_MS = 30 * 86_400_000;

/** `24h,1h` → offsets, largest first; `none` → no reminders. Each 1m–30d, at most 5, no repeats. */
export function parseReminderOffsets(raw: string | undefined, variable = 'REMINDER_OFFSETS'): ReminderOffset[] {
  if (raw === undefined) return [{ label: '24h', ms: 86_400_000 }, { label: '1h', ms: 3_600_000 }];
  if (raw.trim().toLowerCase() === 'none') return [];
  const offsets: ReminderOffset[] = [];
  for (const part of raw.split(',')) {
    const label = part.trim().toLowerCase();
    const match = /^(\d{1,5})([mhd])$/.exec(label);
    if (match === null) throw new ConfigError(variable, `must be a comma-separated list such as "24h,1h" (units m, h, d) or "none", got "${raw}"`);
    const ms = Number(match[1]) * (OFFSET_UNITS_MS[match[2] ?? 'h'] ?? 0);
    if (ms < 60_000 || ms > MAX_REMINDER_OFFSET_MS) throw new ConfigError(variable, `offsets must be between 1m and 30d, got "${label}"`);
    if (offsets.some((o) => o.ms === ms)) throw new ConfigError(variable, `names the same offset twice ("${label}")`);
    offsets.push({ label, ms });
  }
  if (offsets.length > 5) throw new ConfigError(variable, 'allows at most 5 reminders');
  return offsets.sort((a, b) => b.ms - a.ms);
}

export function loadConfig(env: Env = process.env): Config {
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const host = readOptional(env, 'HOST') ?? 'localhost';
  const publicUrlRaw = readOptional(env, 'PUBLIC_URL') ?? `http://localhost:${port}`;
  let publicUrl: string;
  try {
    const url = new URL(publicUrlRaw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    publicUrl = url.toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError('PUBLIC_URL', `must be an http(s) URL, got "${publicUrlRaw}"`);
  }
  const logLevel = (readOptional(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const poolSize = readInt(env, 'DATABASE_POOL_SIZE', 10, 1, 500);
  const database = parseDatabaseUrl(readOptional(env, 'DATABASE_URL') ?? 'sqlite:./data/docket.db', poolSize);
  const apiKey = readOptional(env, 'DOCKET_API_KEY');
  if (apiKey !== undefined && !API_KEY_PATTERN.test(apiKey)) {
    throw new ConfigError('DOCKET_API_KEY', 'must be "iv_live_" followed by at least 32 letters or digits');
  }
  const adminPassword = env['DOCKET_ADMIN_PASSWORD'];
  if (adminPassword !== undefined && adminPassword !== '' && adminPassword.length < 8) {
    throw new ConfigError('DOCKET_ADMIN_PASSWORD', 'must be at least 8 characters');
  }
  const accountSlug = readOptional(env, 'DOCKET_ACCOUNT_SLUG');
  if (accountSlug !== undefined && !ACCOUNT_SLUG_PATTERN.test(accountSlug)) {
    throw new ConfigError('DOCKET_ACCOUNT_SLUG', 'must be 3–48 characters of a-z, 0-9 and "-"');
  }

  const smtpUrl = readOptional(env, 'SMTP_URL');
  if (smtpUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') {
      throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587');
    }
  }
  const mailFrom = readOptional(env, 'MAIL_FROM') ?? `Docket <no-reply@${new URL(publicUrl).hostname}>`;
  if (!/^[^\r\n]*[^\s@<>]+@[^\s@<>]+[^\r\n]*$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', `must be an email address, optionally with a name ("Docket <no-reply@example.com>"), got "${mailFrom}"`);
  }

  const llm = readLlmConfig(env);
  const joinLinkSecret = readOptional(env, 'JOIN_LINK_SECRET');
  if (joinLinkSecret !== undefined && joinLinkSecret.length < 32) {
    throw new ConfigError('JOIN_LINK_SECRET', 'must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  }

  let outboundAllow: AllowEntry[];
  try {
    outboundAllow = parseOutboundAllow(env['OUTBOUND_ALLOW'] ?? '');
  } catch (error) {
    throw new ConfigError('OUTBOUND_ALLOW', `${(error as Error).message} (expected hosts, IPs or CIDRs, each optionally with :port)`);
  }

  const config: Config = {
    port,
    host,
    publicUrl,
    database,
    logLevel,
    rateLimitPerSecond: readInt(env, 'RATE_LIMIT_PER_SECOND', 100, 1, 1_000_000),
    rateLimitBurst: readInt(env, 'RATE_LIMIT_BURST', 200, 1, 1_000_000),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
    sessionTtlHours: readInt(env, 'SESSION_TTL_HOURS', 24 * 7, 1, 24 * 365),
    secureCookies: readBool(env, 'SECURE_COOKIES', publicUrl.startsWith('https:')),
    shutdownTimeoutMs: readInt(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    databaseWaitSeconds: readInt(env, 'DATABASE_WAIT_SECONDS', 60, 0, 3600),
    jobsInProcess: readBool(env, 'JOBS_IN_PROCESS', true),
    jobsConcurrency: readInt(env, 'JOBS_CONCURRENCY', 8, 1, 256),
    jobsPollIntervalMs: readInt(env, 'JOBS_POLL_INTERVAL_MS', 1000, 50, 60_000),
    jobsGroupConcurrency: readInt(env, 'JOBS_GROUP_CONCURRENCY', 4, 1, 64),
    smtpUrl,
    mailFrom,
    eventRetentionDays: readInt(env, 'EVENT_RETENTION_DAYS', 30, 1, 3650),
    webhookTimeoutMs: readInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    webhookRetentionDays: readInt(env, 'WEBHOOK_RETENTION_DAYS', 30, 1, 3650),
    webhookBatchDelayMs: readInt(env, 'WEBHOOK_BATCH_DELAY_MS', 100, 0, 10_000),
    reminderOffsets: parseReminderOffsets(readOptional(env, 'REMINDER_OFFSETS')),
    joinLinkSecret,
    outboundAllow,
    resumeFetchTimeoutMs: readInt(env, 'RESUME_FETCH_TIMEOUT_MS', 30_000, 100, 300_000),
    resumeExtractTimeoutMs: readInt(env, 'RESUME_EXTRACT_TIMEOUT_MS', 20_000, 100, 300_000),
    resumeExtractMemoryMb: readInt(env, 'RESUME_EXTRACT_MEMORY_MB', 256, 32, 4096),
    firstRun: {
      accountSlug,
      accountName: readOptional(env, 'DOCKET_ACCOUNT_NAME'),
      adminEmail: readOptional(env, 'DOCKET_ADMIN_EMAIL')?.toLowerCase(),
      adminPassword: adminPassword === '' ? undefined : adminPassword,
      apiKey,
    },
    llm,
    interview: {
      abandonAfterMinutes: readInt(env, 'INTERVIEW_ABANDON_MINUTES', 30, 1, 7 * 24 * 60),
    },
  };
  return deepFreeze(config);
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}

/**
 * The model is on when LLM_MODEL is set; LLM_BASE_URL defaults to OpenAI's API. A base URL or
 * key without a model is a mistake worth stopping for (the operator meant to use one).
 */
function readLlmConfig(env: Env): LlmConfig | undefined {
  const model = readOptional(env, 'LLM_MODEL');
  const baseUrlRaw = readOptional(env, 'LLM_BASE_URL');
  const apiKey = readOptional(env, 'LLM_API_KEY');
  if (model === undefined) {
    if (baseUrlRaw !== undefined || apiKey !== undefined) {
      throw new ConfigError('LLM_MODEL', 'must name the model when LLM_BASE_URL or LLM_API_KEY is set (e.g. gpt-4o-mini, llama3.1:8b)');
    }
    return undefined;
  }
  let baseUrl: string;
  try {
    const url = new URL(baseUrlRaw ?? 'https://api.openai.com/v1');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    baseUrl = url.toString().replace(/\/+$/, '');
  } catch {
    throw new ConfigError('LLM_BASE_URL', `must be an http(s) URL such as http://127.0.0.1:11434/v1, got "${baseUrlRaw ?? ''}"`);
  }
  // OpenAI's newer models refuse max_tokens; most other servers know only max_tokens.
  const defaultTokenParam = new URL(baseUrl).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
  return {
    baseUrl,
    apiKey,
    model,
    timeoutMs: readInt(env, 'LLM_TIMEOUT_MS', 60_000, 100, 600_000),
    maxRetries: readInt(env, 'LLM_MAX_RETRIES', 2, 0, 10),
    tokenParam: readChoice(env, 'LLM_TOKEN_PARAM', LLM_TOKEN_PARAMS, defaultTokenParam),
    maxOutputTokens: readInt(env, 'LLM_MAX_OUTPUT_TOKENS', 2000, 64, 100_000),
    responseFormat: readChoice(env, 'LLM_RESPONSE_FORMAT', LLM_RESPONSE_FORMATS, 'json_schema'),
    stream: readBool(env, 'LLM_STREAM', false),
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner !== null && typeof inner === 'object') deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
