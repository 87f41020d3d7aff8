import { useState } from 'react';

export interface Selection {
  ids: ReadonlySet<string>;
  size: number;
  has(id: string): boolean;
  toggle(id: string): void;
  /** Selects (or unselects) all of `ids`, e.g. every row of the page. */
  setMany(ids: readonly string[], selected: boolean): void;
  clear(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Selected row ids, kept across pages and sorting. A new `scope` (other filters, another team)
 * starts empty: a selection made under one filter is not acted on under another.
 */
export function useSelection(scope: string): Selection {
  const [state, setState] = useState<{ scope: string; ids: ReadonlySet<string> }>({ scope, ids: EMPTY });
  const ids = state.scope === scope ? state.ids : EMPTY;
  const update = (change: (next: Set<string>) => void) =>
    setState((current) => {
      const next = new Set(current.scope === scope ? current.ids : EMPTY);
      change(next);
      return { scope, ids: next };
    });
  return {
    ids,
    size: ids.size,
    has: (id) => ids.has(id),
    toggle: (id) =>
      update((next) => {
        if (next.has(id)) next.delete(id);
        else next.add(id);
      }),
    setMany: (list, selected) =>
      update((next) => {
        for (const id of list) {
          if (selected) next.add(id);
          else next.delete(id);
        }
      }),
    clear: () => setState({ scope, ids: EMPTY }),
  };
}
