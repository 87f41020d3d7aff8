import { AppError } from '../errors.js';

/**
 * Two modes (SPEC §2): `page`/`pageSize` with totals, or `limit`/`cursor` (keyset) for large
 * lists and syncs. Cursors are opaque base64url JSON carrying the filters of the first request
 * and the sort key of the last row, so later pages ignore rows inserted in between.
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

export function encodeCursor<F>(filters: F, last: SortKey): string {
  const payload: CursorPayload<F> = { v: 1, f: filters, k: [last.created_at, last.id] };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeCursor<F>(cursor: string): CursorPayload<F> {
  try {
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload<F>;
    if (
      payload.v === 1 &&
      Array.isArray(payload.k) &&
      payload.k.length === 2 &&
      typeof payload.k[0] === 'string' &&
      typeof payload.k[1] === 'string' &&
      typeof payload.f === 'object' &&
      payload.f !== null
    ) {
      return payload;
    }
  } catch {
    // fall through
  }
  throw new AppError('invalid_cursor', 'The cursor is not valid. Start again without a cursor.', [
    { path: 'cursor', message: 'is not a cursor this API issued', code: 'invalid_cursor' },
  ]);
}

/**
 * Decides the mode and the filters in force. With a cursor, the filters come from the cursor;
 * a request that also names different filters is refused rather than silently mixed.
 */
export function resolvePage<F extends object>(query: PageQuery, filters: F): PageRequest<F> {
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
  const payload = decodeCursor<F>(query.cursor);
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
