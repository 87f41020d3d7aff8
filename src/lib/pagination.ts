import type { ValidateFunction } from 'ajv';
import { Type, type TSchema } from 'typebox';
import { AppError } from '../errors.js';
import { createBodyAjv, findUnsafeText } from './validation.js';

/**
 * Two modes (SPEC §2): `page`/`pageSize` with totals, or `limit`/`cursor` (keyset) for large
 * lists and syncs. Cursors are opaque base64url JSON carrying the filters of the first request
 * and the sort key of the last row, so later pages ignore rows inserted in between.
 *
 * A cursor comes back from the client, so it is input like any other: decoded, it is validated
 * against the schema its filters were validated with when it was issued (types, formats,
 * lengths, no unknown filter), its sort key must be a timestamp and an id, and it must hold no
 * NUL or unpaired surrogate. Anything else is 400 `invalid_cursor` before a query is built.
 */

export const DEFAULT_PAGE_SIZE = 25;

export interface PageQuery {
  page?: number | undefined;
  pageSize?: number | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * A row's place in a keyset order: the value of the sort column, then the id. Lists are newest
 * first unless they say otherwise, so the column is named for that order; a list sorted by
 * another column puts that column's value here.
 */
export interface SortKey {
  created_at: string;
  id: string;
}

export type PageRequest<F> =
  | { mode: 'page'; page: number; pageSize: number; offset: number; filters: F }
  | { mode: 'cursor'; limit: number; after: SortKey | undefined; filters: F };

interface CursorPayload<F> {
  v: 1;
  f: F;
  k: [string, string];
}

export { CREATED_AT_KEY };

export function encodeCursor<F>(filters: F, last: SortKey): string {
  const payload: CursorPayload<F> = { v: 1, f: filters, k: [last.created_at, last.id] };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The first element of a cursor's sort key in the default order: a creation time. */
const CREATED_AT_KEY = Type.String({ format: 'date-time', maxLength: 40 });

const cursorValidators = new WeakMap<TSchema, Map<TSchema, ValidateFunction>>();
const cursorAjv = createBodyAjv();

/** Validates a decoded cursor: `{ v: 1, f: <filters, by the schema given>, k: [sort value, id] }`. */
function cursorValidator(filterSchema: TSchema, keySchema: TSchema): ValidateFunction {
  let byKey = cursorValidators.get(filterSchema);
  if (byKey === undefined) {
    byKey = new Map();
    cursorValidators.set(filterSchema, byKey);
  }
  let validate = byKey.get(keySchema);
  if (validate === undefined) {
    const schema = Type.Object(
      {
        v: Type.Literal(1),
        f: filterSchema,
        k: Type.Tuple([keySchema, Type.String({ format: 'uuid' })]),
      },
      { additionalProperties: false },
    );
    validate = cursorAjv.compile(schema);
    byKey.set(keySchema, validate);
  }
  return validate;
}

function invalidCursor(): AppError {
  return new AppError('invalid_cursor', 'The cursor is not valid. Start again without a cursor.', [
    { path: 'cursor', message: 'is not a cursor this API issued', code: 'invalid_cursor' },
  ]);
}

function decodeCursor<F>(cursor: string, filterSchema: TSchema, keySchemaOf: KeySchemaOf): CursorPayload<F> {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const carried = typeof payload === 'object' && payload !== null ? (payload as { f?: unknown }).f : undefined;
  const keySchema = keySchemaOf(typeof carried === 'object' && carried !== null ? (carried as Record<string, unknown>) : {});
  if (!cursorValidator(filterSchema, keySchema)(payload) || findUnsafeText(payload) !== undefined) throw invalidCursor();
  return payload as CursorPayload<F>;
}

/**
 * The schema of the sort value a cursor carries, for the order its (still unchecked) filters
 * name. A list in one order only keeps the default, a creation time; one with several orders
 * gives each order's schema (schemas kept as constants: validators are compiled per schema).
 */
export type KeySchemaOf = (carriedFilters: Record<string, unknown>) => TSchema;

/**
 * Decides the mode and the filters in force. With a cursor, the filters come from the cursor;
 * a request that also names different filters is refused rather than silently mixed.
 * `filterSchema` validates the filters a cursor carries: the list's query schema (filters are
 * a subset of it in their canonical form), or a schema of the filters alone.
 */
export function resolvePage<F extends object>(
  query: PageQuery,
  filters: F,
  filterSchema: TSchema,
  keySchemaOf: KeySchemaOf = () => CREATED_AT_KEY,
): PageRequest<F> {
  const cursorMode = query.cursor !== undefined || query.limit !== undefined;
  if (cursorMode && (query.page !== undefined || query.pageSize !== undefined)) {
    throw new AppError('validation_failed', 'Use either page/pageSize or limit/cursor, not both.', [
      { path: 'page', message: 'cannot be combined with limit or cursor', code: 'conflicting_pagination' },
    ]);
  }
  if (!cursorMode) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    return { mode: 'page', page, pageSize, offset: (page - 1) * pageSize, filters };
  }
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (query.cursor === undefined) return { mode: 'cursor', limit, after: undefined, filters };
  const payload = decodeCursor<F>(query.cursor, filterSchema, keySchemaOf);
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify((payload.f as Record<string, unknown>)[name])) {
      throw new AppError('invalid_cursor', `The cursor was issued for different filters (${name}). Start again without a cursor.`, [
        { path: name, message: 'differs from the filter the cursor was issued for', code: 'cursor_filter_mismatch' },
      ]);
    }
  }
  return { mode: 'cursor', limit, after: { created_at: payload.k[0], id: payload.k[1] }, filters: payload.f };
}

export interface PageMetaOut {
  page?: number;
  pageSize?: number;
  total?: number;
  totalPages?: number;
  next_cursor?: string | null;
  has_more?: boolean;
  limit?: number;
}

/**
 * Builds the list envelope. In cursor mode `rows` holds up to limit + 1 rows (one to peek).
 * The next cursor carries the last row's sort key: its `created_at` and `id`, or, for a list
 * in another order, what `keyOf` gives (the value of the sort column, then the id); `after`
 * of the next request hands the same pair back.
 */
export function pageResult<F, R extends SortKey, T>(
  request: PageRequest<F>,
  rows: R[],
  total: number | undefined,
  toItem: (row: R) => T,
): { data: T[]; meta: PageMetaOut };
export function pageResult<F, R, T>(
  request: PageRequest<F>,
  rows: R[],
  total: number | undefined,
  toItem: (row: R) => T,
  keyOf: (row: R) => SortKey,
): { data: T[]; meta: PageMetaOut };
export function pageResult<F, R, T>(
  request: PageRequest<F>,
  rows: R[],
  total: number | undefined,
  toItem: (row: R) => T,
  keyOf: (row: R) => SortKey = (row) => row as unknown as SortKey,
): { data: T[]; meta: PageMetaOut } {
  if (request.mode === 'page') {
    const t = total ?? 0;
    return {
      data: rows.map(toItem),
      meta: { page: request.page, pageSize: request.pageSize, total: t, totalPages: Math.ceil(t / request.pageSize) },
    };
  }
  const hasMore = rows.length > request.limit;
  const pageRows = hasMore ? rows.slice(0, request.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(toItem),
    meta: {
      limit: request.limit,
      has_more: hasMore,
      next_cursor: hasMore && last !== undefined ? encodeCursor(request.filters, keyOf(last)) : null,
    },
  };
}
