import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Headers that carry secrets; never written to a log at any level. */
export const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
];

/** JSON logs (one object per line) at `level`, to stdout unless a stream is given. */
export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  const options = { level, redact: REDACTED_PATHS };
  return stream === undefined ? pino(options) : pino(options, stream as unknown as pino.DestinationStream);
}
