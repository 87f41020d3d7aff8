import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { COMMON, addFormats, createBodyAjv } from '../lib/validation.js';

/**
 * Bodies are validated without type coercion (a number where a string belongs is a 400);
 * query strings, params and headers arrive as text and are coerced to the declared types.
 */
export function installValidators(app: FastifyInstance): void {
  const bodyAjv = createBodyAjv();
  const textAjv = addFormats(new Ajv({ ...COMMON, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    return ajv.compile(schema as object);
  });
}

