import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SortDirection = 'asc' | 'desc';

export interface SortState<Field extends string = string> {
  field: Field;
  direction: SortDirection;
}

/** What one page of a list is asked with: all of it read from the URL. */
export interface PagedQuery<Filters, Field extends string> {
  filters: Filters;
  page: number;
  pageSize: number;
  sort: SortState<Field>;
}

export interface PageOf<Row> {
  data: Row[];
  meta: { total?: number; totalPages?: number };
}

export interface PagedListOptions<Filters, Row, Field extends string> {
  /** The filters in the URL (search parameters other than page, pageSize and sort). */
  readFilters: (params: URLSearchParams) => Filters;
  sortFields: readonly Field[];
  defaultSort: SortState<Field>;
  /** The direction a column starts in when first clicked (dates: newest first). */
  firstDirection?: Partial<Record<Field, SortDirection>>;
  pageSizes?: readonly number[];
  queryKey: (query: PagedQuery<Filters, Field>) => QueryKey;
  fetchPage: (query: PagedQuery<Filters, Field>) => Promise<PageOf<Row>>;
}

export const PAGE_SIZES = [25, 50, 100] as const;

/** `name:asc` → the sort, when it names an allowed field and a direction. */
export function parseSort<Field extends string>(value: string | null, fields: readonly Field[]): SortState<Field> | undefined {
  const [field, direction] = (value ?? '').split(':');
  if (!fields.includes(field as Field) || (direction !== 'asc' && direction !== 'desc')) return undefined;
  return { field: field as Field, direction };
}

/** "1–25 of 46,078": the rows shown and the total (locale digits). */
export function rangeSummary(page: number, pageSize: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return total === 0 ? 'No results' : `0 of ${total.toLocaleString()}`;
  const first = (page - 1) * pageSize + 1;
  return `${first.toLocaleString()}–${(first + shown - 1).toLocaleString()} of ${total.toLocaleString()}`;
}

/**
 * A list paged by page number, everything in the URL (`page`, `pageSize`, `sort` and the
 * filters), so Back, Forward, reload and shared links show the same rows and the same
 * "1–25 of 46,078". Turning a page adds a history entry; changing a filter replaces the entry
 * and returns to page 1.
 */
export function usePagedList<Filters, Row, Field extends string>(options: PagedListOptions<Filters, Row, Field>) {
  const [params, setParams] = useSearchParams();
  const { readFilters, sortFields, defaultSort, pageSizes = PAGE_SIZES } = options;
  const filters = useMemo(() => readFilters(params), [params, readFilters]);
  const page = Math.max(1, Math.floor(Number(params.get('page') ?? '1')) || 1);
  const sizeParam = Number(params.get('pageSize'));
  const pageSize = pageSizes.includes(sizeParam) ? sizeParam : (pageSizes[0] ?? 25);
  const sort = parseSort(params.get('sort'), sortFields) ?? defaultSort;
  const query: PagedQuery<Filters, Field> = { filters, page, pageSize, sort };

  const result = useQuery({
    queryKey: options.queryKey(query),
    placeholderData: keepPreviousData,
    queryFn: () => options.fetchPage(query),
  });

  const rows = result.data?.data;
  const total = result.data?.meta.total;
  const totalPages = result.data?.meta.totalPages ?? (total === undefined ? undefined : Math.ceil(total / pageSize));

  // Changes start from the address as it is now, not as this render saw it: a navigation renders
  // later (in a transition), and a filter changed in between (or a search settling after its
  // delay) would otherwise bring back what the previous change removed.
  const write = (change: (next: URLSearchParams) => void, history: 'push' | 'replace') => {
    const next = new URLSearchParams(window.location.search);
    change(next);
    setParams(next, { replace: history === 'replace' });
  };

  // A page past the end (rows deleted, a link kept from before): go to the last page there is.
  const pastTheEnd = !result.isPlaceholderData && totalPages !== undefined && totalPages > 0 && page > totalPages;
  useEffect(() => {
    if (!pastTheEnd || totalPages === undefined) return;
    const next = new URLSearchParams(params);
    next.set('page', String(totalPages));
    setParams(next, { replace: true });
  }, [pastTheEnd, totalPages, params, setParams]);

  const setPage = (n: number) =>
    write((next) => {
      if (n <= 1) next.delete('page');
      else next.set('page', String(n));
    }, 'push');

  const summary =
    rows === undefined || total === undefined || result.isPlaceholderData ? 'Loading…' : rangeSummary(page, pageSize, rows.length, total);

  return {
    filters,
    page,
    pageSize,
    sort,
    query: result,
    rows,
    total,
    totalPages,
    /** Placeholder rows of the previous page are on screen while this one loads. */
    stale: result.isPlaceholderData,
    summary,
    /** Writes filters (a list value repeats the parameter; '' or undefined removes it) and goes back to page 1. */
    setFilters: (changes: Record<string, string | readonly string[] | undefined>) =>
      write((next) => {
        for (const [name, value] of Object.entries(changes)) {
          next.delete(name);
          if (Array.isArray(value)) for (const v of value as readonly string[]) next.append(name, v);
          else if (typeof value === 'string' && value !== '') next.set(name, value);
        }
        next.delete('page');
      }, 'replace'),
    /** Drops every filter; keeps the order and page size. */
    clearFilters: () =>
      write((next) => {
        for (const name of [...next.keys()]) if (name !== 'sort' && name !== 'pageSize') next.delete(name);
      }, 'replace'),
    setPage,
    setPageSize: (size: number) =>
      write((next) => {
        if (size === pageSizes[0]) next.delete('pageSize');
        else next.set('pageSize', String(size));
        next.delete('page');
      }, 'replace'),
    /** Sorts by a column: first click in its first direction, the next click reverses it. */
    toggleSort: (field: Field) =>
      write((next) => {
        const direction: SortDirection =
          sort.field === field ? (sort.direction === 'asc' ? 'desc' : 'asc') : (options.firstDirection?.[field] ?? 'asc');
        if (field === defaultSort.field && direction === defaultSort.direction) next.delete('sort');
        else next.set('sort', `${field}:${direction}`);
        next.delete('page');
      }, 'replace'),
    pager: {
      summary,
      hasPrevious: page > 1,
      hasNext: totalPages !== undefined && page < totalPages,
      busy: result.isFetching,
      onPrevious: () => setPage(page - 1),
      onNext: () => setPage(page + 1),
    },
  };
}
