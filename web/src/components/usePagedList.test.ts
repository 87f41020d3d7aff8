import { describe, expect, it } from 'vitest';
import { parseSort, rangeSummary } from './usePagedList';

describe('paged lists', () => {
  it('say which rows are shown, of how many', () => {
    expect(rangeSummary(1, 25, 25, 46_078)).toBe(`1–25 of ${(46_078).toLocaleString()}`);
    expect(rangeSummary(3, 25, 10, 60)).toBe('51–60 of 60');
    expect(rangeSummary(1, 25, 0, 0)).toBe('No results');
    expect(rangeSummary(5, 25, 0, 60)).toBe('0 of 60');
  });

  it('read only the orders a list offers from the URL', () => {
    const fields = ['name', 'created_at', 'status'] as const;
    expect(parseSort('name:asc', fields)).toEqual({ field: 'name', direction: 'asc' });
    expect(parseSort('created_at:desc', fields)).toEqual({ field: 'created_at', direction: 'desc' });
    expect(parseSort('email:asc', fields)).toBeUndefined();
    expect(parseSort('name:up', fields)).toBeUndefined();
    expect(parseSort(null, fields)).toBeUndefined();
  });
});
