import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError, type ErrorIssue } from '../errors.js';

// ajv-formats ships CommonJS with a default export.
const addAjvFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * ajv-formats, with `date-time` narrowed to what `Date` can represent: RFC 3339 allows a leap
 * second (`23:59:60Z`) and years Date cannot hold, which passed validation and then failed as
 * "Invalid time value". Every timestamp the API accepts is now parsed by parseTimestamp.
 */
export function addFormats(ajv: Ajv): Ajv {
  addAjvFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: (text: string) => parseTimestamp(text) !== undefined });
  return ajv;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * The one parser of client timestamps (query filters, bodies, cursors): an RFC 3339 date-time
 * with a time zone that `Date` represents exactly as written (no leap second, no 24:00, no
 * 31 February), or undefined.
 */
export function parseTimestamp(text: string): Date | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second, offsetHour = 0, offsetMinute = 0] = m.slice(1).map((part) => Number(part ?? 0));
  if (hour === undefined || minute === undefined || second === undefined) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59) return undefined;
  // Date rolls impossible days over (31 February → 3 March): the written day must exist.
  if (year === undefined || month === undefined || month < 1 || month > 12 || day === undefined || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31)) return undefined;
  const date = new Date(text.toUpperCase());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A valid client timestamp in the stored form (fixed-width ISO-8601 UTC, milliseconds). */
export function toStoredTimestamp(text: string): string {
  const date = parseTimestamp(text);
  if (date === undefined) throw new AppError('validation_failed', `"${text}" is not a valid date-time.`);
  return date.toISOString();
}

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

/** Deeper JSON is refused (by prepareJsonBody, before any recursive step goes deeper). */
export const MAX_JSON_DEPTH = 32;

/**
 * Text Docket refuses anywhere (bodies, query strings, path parameters, cursors, CSV files):
 * NUL, which PostgreSQL cannot store in text (SQLite would, so the same request would behave
 * differently per database), and unpaired UTF-16 surrogates, which are not Unicode text at all
 * and break JSON casts and other systems downstream.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}

export function unsafeTextIssue(path: string): ErrorIssue {
  return { path, message: 'must not contain NUL characters or unpaired surrogates', code: 'invalid_characters' };
}

/** The path of the first string (or key) in a parsed value that is not safe text, if any. */
export function findUnsafeText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isSafeText(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path === '' ? key : `${path}.${key}`;
    if (!isSafeText(key)) return innerPath;
    const found = findUnsafeText(inner, innerPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Refuses a request part (`where`: body, query string, path) holding unsafe text. */
export function assertSafeText(value: unknown, where: string): void {
  const path = findUnsafeText(value);
  if (path !== undefined) {
    throw new AppError('validation_failed', `The ${where} contains NUL characters or unpaired surrogates${path === '' ? '' : ` (${path})`}.`, [
      unsafeTextIssue(path === '' ? where : path),
    ]);
  }
}

/** Keys whose strings are secrets: their spaces are meaningful, so they are not trimmed. */
const UNTRIMMED_KEYS = new Set(['password', 'new_password', 'current_password']);

/**
 * Whether JSON text may hold unsafe text once parsed: JSON cannot carry a raw NUL (control
 * characters must be escaped), so NUL needs a `\u` escape, and a lone surrogate needs an escape
 * or a raw surrogate in the text. Text with neither (nearly every body) needs no check per string.
 */
const MAY_HOLD_UNSAFE_TEXT = /\\u|[\uD800-\uDFFF]/;

/**
 * Trims the strings of a parsed JSON value in place, container by container, and tells whether
 * it nests more than `limit` levels (then it stops at once, never recursing deeper than that).
 */
function trimInPlace(value: object, depth: number, limit: number): boolean {
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const inner: unknown = value[i];
      if (typeof inner === 'string') value[i] = inner.trim();
      else if (inner !== null && typeof inner === 'object' && trimInPlace(inner, depth + 1, limit)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const inner = record[key];
    if (typeof inner === 'string') {
      if (!UNTRIMMED_KEYS.has(key)) record[key] = inner.trim();
    } else if (inner !== null && typeof inner === 'object' && trimInPlace(inner, depth + 1, limit)) return true;
  }
  return false;
}

/**
 * A JSON body as routes get it, from its text and the value JSON.parse made of it (which nobody
 * else holds: it is changed in place). In one walk: nesting deeper than `limit` is refused
 * (JSON.parse itself does not recurse, and the walk stops at the limit), every string is trimmed
 * (SPEC §2) except secrets; then NUL and unpaired surrogates are refused, looked for only when the
 * text could hold them.
 */
export function prepareJsonBody(text: string, value: unknown, limit: number = MAX_JSON_DEPTH): unknown {
  const prepared = typeof value === 'string' ? value.trim() : value;
  if (prepared !== null && typeof prepared === 'object' && trimInPlace(prepared, 1, limit)) {
    throw new AppError('invalid_json', `The request body nests arrays or objects more than ${limit} levels deep.`, [
      { path: '', message: `must not nest more than ${limit} levels`, code: 'too_deep' },
    ]);
  }
  if (MAY_HOLD_UNSAFE_TEXT.test(text)) assertSafeText(prepared, 'request body');
  return prepared;
}
