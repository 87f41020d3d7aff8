import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError, type ErrorIssue } from '../errors.js';

// ajv-formats ships CommonJS with a default export.
export const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const COMMON: Options = {
  allErrors: true, // list every bad field, not just the first
  removeAdditional: false, // unknown fields are errors, never silently dropped
  // Defaults belong to the services: a validator filling them in would reset fields on PATCH.
  useDefaults: false,
  strict: false,
};

/** An Ajv configured like the body validator, for bodies checked item by item (bulk, CSV rows). */
export function createBodyAjv(): Ajv {
  return addFormats(new Ajv({ ...COMMON, coerceTypes: false }));
}

function joinPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter((p) => p !== '');
  if (extra !== undefined) parts.push(extra);
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/** Turns ajv's errors into the public `issues` list: one entry per bad field, readable. */
export function issuesFromAjv(errors: readonly ErrorObject[]): ErrorIssue[] {
  const byPath = new Map<string, ErrorIssue>();
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    let path = joinPath(error.instancePath);
    let message = error.message ?? 'is invalid';
    let code = `invalid_${error.keyword}`;
    switch (error.keyword) {
      case 'required':
        path = joinPath(error.instancePath, String(error.params['missingProperty']));
        message = 'is required';
        code = 'required';
        break;
      case 'additionalProperties':
        path = joinPath(error.instancePath, String(error.params['additionalProperty']));
        message = 'is not a known field';
        code = 'unknown_field';
        break;
      case 'type':
        code = 'invalid_type';
        break;
      case 'format':
        message = `must be a valid ${String(error.params['format'])}`;
        code = 'invalid_format';
        break;
      case 'pattern':
        message = 'contains characters that are not allowed';
        code = 'invalid_characters';
        break;
      case 'enum':
        message = `must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
        code = 'invalid_enum';
        break;
      case 'minLength':
        message = Number(error.params['limit']) === 1 ? 'must not be empty' : message;
        code = 'too_short';
        break;
      case 'maxLength':
      case 'maxItems':
      case 'maxProperties':
        code = 'too_long';
        break;
      default:
        break;
    }
    // Inside a union (e.g. "string or null") the branch errors say little on their own.
    if (unionPaths.has(error.instancePath) && error.keyword !== 'anyOf' && error.keyword !== 'required') {
      const existing = byPath.get(path);
      if (existing === undefined) byPath.set(path, { path, message, code });
      continue;
    }
    if (error.keyword === 'anyOf') {
      const existing = byPath.get(path);
      if (existing !== undefined && existing.code !== 'invalid_type') continue;
      byPath.set(path, { path, message: existing?.message ?? 'has an invalid value', code: 'invalid_value' });
      continue;
    }
    if (!byPath.has(path)) byPath.set(path, { path, message, code });
  }
  return [...byPath.values()];
}

export function validationFailure(errors: readonly ErrorObject[], part: string): AppError {
  const issues = issuesFromAjv(errors);
  const where = part === 'body' ? 'request body' : part === 'querystring' ? 'query string' : part;
  const fields = issues.map((i) => i.path || where).join(', ');
  return new AppError('validation_failed', `The ${where} is invalid: ${fields}.`, issues);
}

/** Trims every string in a JSON body (SPEC §2), except secrets whose spaces are meaningful. */
const UNTRIMMED_KEYS = new Set(['password', 'new_password', 'current_password']);

export function trimStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimStrings);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = UNTRIMMED_KEYS.has(key) ? inner : trimStrings(inner);
    }
    return out;
  }
  return value;
}
