import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/errors.js';
import { AppError, type ErrorCode } from '../errors.js';
import { validationFailure } from '../lib/validation.js';

/**
 * Fastify's own errors that a request can cause, each with a client status. A 4xx error of the
 * framework or a plugin that is not listed keeps its status through CLIENT_STATUS below; only a
 * 5xx of the framework stays a server error.
 */
const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Unsupported Content-Type. Send JSON with "Content-Type: application/json".',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation_failed', message: 'The Content-Length header does not match the body.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'The request could not be understood: the URL is not validly encoded.' },
  FST_ERR_INVALID_URL: { code: 'bad_request', message: 'The request could not be understood: the URL is not valid.' },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'uri_too_long',
    message: 'A path segment is longer than 100 characters; no identifier in this API is that long.',
  },
  FST_ERR_NOT_FOUND: { code: 'not_found', message: 'Not found.' },
  FST_ERR_HANDLER_TIMEOUT: { code: 'service_unavailable', message: 'The request took too long. Retry shortly.' },
};

/** The client status of any other framework or plugin error, by its HTTP status. */
const CLIENT_STATUS: Partial<Record<number, { code: ErrorCode; message: string }>> = {
  400: { code: 'bad_request', message: 'The request could not be understood.' },
  403: { code: 'forbidden', message: 'Forbidden.' },
  404: { code: 'not_found', message: 'Not found.' },
  405: { code: 'method_not_allowed', message: 'This method is not allowed here.' },
  412: { code: 'precondition_failed', message: 'A precondition of the request failed.' },
  413: { code: 'payload_too_large', message: 'The request body is too large.' },
  414: { code: 'uri_too_long', message: 'The URL is too long.' },
  415: { code: 'unsupported_media_type', message: 'Unsupported Content-Type.' },
  416: { code: 'range_not_satisfiable', message: 'The requested range cannot be served.' },
};

function send(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.status).type('application/json; charset=utf-8').serializer(JSON.stringify).send({
    error: error.message,
    code: error.code,
    issues: error.issues,
    request_id: request.id,
    ...error.details,
  });
}

/** The one place that turns any thrown error into the public error body. */
export function toAppError(error: FastifyError | AppError | Error): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) {
    return validationFailure(fastifyError.validation as never, fastifyError.validationContext ?? 'body');
  }
  const known = fastifyError.code === undefined ? undefined : FASTIFY_CODES[fastifyError.code];
  if (known !== undefined) return new AppError(known.code, known.message);
  const status = fastifyError.statusCode;
  if (status === 400 && /prototype|constructor/i.test(error.message)) {
    return new AppError('invalid_json', 'The request body contains a forbidden key (__proto__ or constructor.prototype).');
  }
  if (error instanceof SyntaxError || fastifyError.code?.startsWith('FST_ERR_CTP_') === true) {
    return new AppError('invalid_json', 'The request body could not be parsed.');
  }
  if (status !== undefined && status >= 400 && status < 500) {
    const client = CLIENT_STATUS[status] ?? CLIENT_STATUS[400];
    if (client === undefined) return undefined;
    // Fastify's own 4xx messages say what is wrong, safely; other libraries' may not.
    const reason = fastifyError.code?.startsWith('FST_') === true ? ` ${error.message}` : '';
    return new AppError(client.code, `${client.message}${reason}`);
  }
  return undefined;
}

/** The database cannot be reached right now: a 503 the client may retry, never a 500. */
export function databaseUnavailable(): AppError {
  return new AppError('service_unavailable', 'The service is temporarily unavailable (database unreachable). Retry shortly.', [], {}, {
    'retry-after': '5',
  });
}

/** Answers any error with the public body; also used for Fastify's framework errors (bad URLs). */
export function replyWithError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError !== undefined) {
    if (appError.code === 'service_unavailable') request.log.warn({ reason: error.message }, 'request refused: database unavailable');
    else if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (!(error instanceof AppError)) request.log.info({ code: (error as FastifyError).code, reason: error.message }, 'client error');
    return send(reply, request, appError);
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, new AppError('internal_error', 'Something went wrong on our side. It has been logged; retry later.'));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => replyWithError(error, request, reply));
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, request, new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
}
