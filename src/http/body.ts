import type { FastifyInstance } from 'fastify';
import { assertSafeText, prepareJsonBody } from '../lib/validation.js';

/**
 * What every request's text goes through before a route sees it, in one place:
 * - JSON bodies (`application/json` in any casing, with any parameters — Fastify matches media
 *   types case-insensitively, so this parser is the one place that sees every JSON body): empty
 *   means "no body"; `__proto__` keys are refused by the parser; then one walk of the parsed
 *   value (prepareJsonBody) refuses nesting deeper than MAX_JSON_DEPTH before going deeper, trims
 *   every string (SPEC §2), and NUL and unpaired surrogates are refused.
 * - Query strings and path parameters: NUL and unpaired surrogates are refused (before the
 *   account is resolved, so no database ever sees them).
 * - No other body type is accepted unless a route registers its parser (the CSV import): the
 *   built-in text/plain parser is removed, so a JSON route answers `text/plain` with 415.
 */
export function installBodyParsing(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');

  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    // An empty body on a JSON request is "no body" (e.g. POST …/revoke), not an error.
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    defaultJson(request, text, (error, value) => {
      if (error !== null) {
        done(error, undefined);
        return;
      }
      try {
        done(null, prepareJsonBody(text, value));
      } catch (refusal) {
        done(refusal as Error, undefined);
      }
    });
  });

  app.addHook('preValidation', (request, _reply, done) => {
    assertSafeText(request.query, 'query string');
    assertSafeText(request.params, 'path');
    done();
  });
}
