import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { SkeletonRows } from './EmptyState';
import { ArrowDownIcon, ArrowUpIcon, SortIcon } from './Icons';
import type { Selection } from './useSelection';
import type { SortState } from './usePagedList';

export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The field this column sorts by, when it can. */
  sortField?: string;
  /** The row's title: shown large at the top of a phone card, without a label. */
  title?: boolean;
  /** Width on wide screens (e.g. `24%`); columns without one share what is left. */
  width?: string;
  className?: string;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  /** undefined while the first page loads (placeholder rows show). */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** Names the row for assistive technology ("Select Jane Smith"). */
  rowLabel: (row: Row) => string;
  sort?: { state: SortState; onSort: (field: string) => void };
  selection?: Selection;
  /** Opens the row: a click anywhere on it, or Enter while it has focus. */
  onOpen?: (row: Row) => void;
  busy?: boolean;
  /** Rows of the previous page are shown while the next loads. */
  stale?: boolean;
}

const SORT_NAMES = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The dashboard's table: columns with widths (long values are cut by Truncate, not allowed to
 * widen the page), sortable headers, a checkbox per row, and the keyboard — Tab enters the
 * rows once, ↑/↓ (or j/k), Home and End move between rows, Enter opens one, Space selects it.
 * Under 640 px each row is a card with labelled fields.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowLabel, sort, selection, onOpen, busy = false, stale = false }: DataTableProps<Row>) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const keys = rows?.map(rowKey) ?? [];
  // The row Tab lands on: the one last focused while it is still shown, else the first.
  const tabStop = activeKey !== null && keys.includes(activeKey) ? activeKey : keys[0];
  const pageKeys = keys;
  const selectedOnPage = selection === undefined ? 0 : pageKeys.filter((k) => selection.has(k)).length;

  const focusRow = (index: number) => {
    const target = body.current?.querySelectorAll<HTMLTableRowElement>(':scope > tr[data-key]')[index];
    target?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: Row, index: number) => {
    const onRow = event.target === event.currentTarget;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        event.preventDefault();
        focusRow(Math.min(index + 1, keys.length - 1));
        return;
      case 'ArrowUp':
      case 'k':
        event.preventDefault();
        focusRow(Math.max(index - 1, 0));
        return;
      case 'Home':
        if (!onRow) return;
        event.preventDefault();
        focusRow(0);
        return;
      case 'End':
        if (!onRow) return;
        event.preventDefault();
        focusRow(keys.length - 1);
        return;
      case 'Enter':
        if (!onRow || onOpen === undefined) return;
        event.preventDefault();
        onOpen(row);
        return;
      case ' ':
      case 'x':
        if (!onRow || selection === undefined) return;
        event.preventDefault();
        selection.toggle(rowKey(row));
        return;
    }
  };

  const hasWidths = columns.some((c) => c.width !== undefined);
  // Rows take focus only when there is something to do with one.
  const navigable = onOpen !== undefined || selection !== undefined;
  const selectAll =
    selection === undefined ? null : (
      <input
        type="checkbox"
        aria-label="Select all rows on this page"
        checked={pageKeys.length > 0 && selectedOnPage === pageKeys.length}
        ref={(el) => {
          if (el !== null) el.indeterminate = selectedOnPage > 0 && selectedOnPage < pageKeys.length;
        }}
        disabled={pageKeys.length === 0}
        onChange={(event) => selection.setMany(pageKeys, event.target.checked)}
      />
    );

  return (
    <div className="table-wrap">
      {selectAll !== null ? (
        // Phones show rows as cards, without the header row: the page's checkbox goes above them.
        <label className="table-select-all checkbox">
          {selectAll}
          <span>Select all on this page</span>
        </label>
      ) : null}
      <table
        className={['table', 'table-cards', hasWidths ? 'table-fixed' : ''].join(' ').trim()}
        aria-busy={busy}
        data-stale={stale || undefined}
      >
        <caption className="visually-hidden">
          {caption}
          {onOpen !== undefined || selection !== undefined ? '. Use the arrow keys to move between rows, Enter to open one' : ''}
          {selection !== undefined ? ', Space to select it' : ''}
        </caption>
        {hasWidths ? (
          <colgroup>
            {selection !== undefined ? <col className="col-select" /> : null}
            {columns.map((column) => (
              <col key={column.id} style={column.width !== undefined ? { width: column.width } : undefined} />
            ))}
          </colgroup>
        ) : null}
        <thead>
          <tr>
            {selection !== undefined ? (
              <th scope="col" className="cell-select">
                {selectAll}
              </th>
            ) : null}
            {columns.map((column) => {
              const sorted = sort !== undefined && column.sortField !== undefined && sort.state.field === column.sortField ? sort.state.direction : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.className}
                  aria-sort={column.sortField === undefined || sort === undefined ? undefined : sorted === undefined ? 'none' : SORT_NAMES[sorted]}
                >
                  {column.sortField !== undefined && sort !== undefined ? (
                    <button type="button" className="th-sort" onClick={() => sort.onSort(column.sortField ?? '')}>
                      {column.header}
                      {sorted === 'asc' ? <ArrowUpIcon size={14} /> : sorted === 'desc' ? <ArrowDownIcon size={14} /> : <SortIcon size={14} className="th-sort-idle" />}
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows === undefined ? (
            <SkeletonRows columns={columns.length + (selection !== undefined ? 1 : 0)} />
          ) : (
            rows.map((row, index) => {
              const key = rowKey(row);
              const selected = selection?.has(key) ?? false;
              return (
                <tr
                  key={key}
                  data-key={key}
                  tabIndex={navigable ? (key === tabStop ? 0 : -1) : undefined}
                  className={[onOpen !== undefined ? 'row-link' : '', selected ? 'row-selected' : ''].join(' ').trim() || undefined}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget || event.currentTarget.contains(event.target)) setActiveKey(key);
                  }}
                  onClick={onOpen === undefined ? undefined : () => onOpen(row)}
                  onKeyDown={navigable ? (event) => onKeyDown(event, row, index) : undefined}
                >
                  {selection !== undefined ? (
                    <td className="cell-select" onClick={(event) => event.stopPropagation()}>
                      <input type="checkbox" aria-label={`Select ${rowLabel(row)}`} checked={selected} onChange={() => selection.toggle(key)} />
                    </td>
                  ) : null}
                  {columns.map((column) => (
                    <td
                      key={column.id}
                      data-label={column.title === true ? undefined : column.header}
                      className={[column.title === true ? 'cell-title' : '', column.className ?? ''].join(' ').trim() || undefined}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
