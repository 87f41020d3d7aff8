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
