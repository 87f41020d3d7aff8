import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Request and response headers that carry credentials. */
const SECRET_HEADERS = ['x-api-key', 'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-csrf-token'];
/** Object keys whose value is a credential: passwords, API key and signing secrets, session tokens. */
const SECRET_KEYS = ['password', 'new_password', 'current_password', 'secret', 'token', 'csrf_token'];

/**
 * Where secrets end up when something logs more than it should: headers under any key up to
 * three levels down (`headers`, `req.headers`, `err.config.headers` of an HTTP client error),
 * raw header lists, and secret keys of logged bodies and results. Fastify's own request logs
 * carry none of them; these paths are what keeps a debugging line or a changed serializer from
 * writing a key, a cookie or a password to the log.
 */
export const REDACTED_PATHS = [
  ...SECRET_HEADERS.flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`, `*.*.headers["${name}"]`]),
  'rawHeaders',
  '*.rawHeaders',
  '*.*.rawHeaders',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** JSON logs (one object per line) at `level`, to stdout unless a stream is given. */
export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  const options = { level, redact: REDACTED_PATHS };
  return stream === undefined ? pino(options) : pino(options, stream as unknown as pino.DestinationStream);
}

type LogMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger that becomes a pino child (with the request id bound) only when something
 * is logged at an enabled level. pino builds a child by serialising its bindings through the
 * redaction above, which cost more than the rest of a cached GET's logging; at the default
 * level (info) every request still logs its lines, each with its reqId, while at warn a
 * request that logs nothing builds nothing.
 */
export class RequestLogger {
  private built: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: pino.Bindings,
  ) {}

  private get logger(): Logger {
    this.built ??= this.parent.child(this.bindings);
    return this.built;
  }

  private write(method: LogMethod, args: unknown[]): void {
    if (!(this.built ?? this.parent).isLevelEnabled(method)) return;
    (this.logger[method] as (...a: unknown[]) => void)(...args);
  }

  get level(): string {
    return (this.built ?? this.parent).level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  isLevelEnabled(level: string): boolean {
    return (this.built ?? this.parent).isLevelEnabled(level);
  }

  child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): Logger {
    return this.logger.child(bindings, options);
  }
}
