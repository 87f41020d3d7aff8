import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { participantKeys } from '../../api/participants';
import { useAccount } from '../../auth/AccountContext';

type BulkUpdateBody = NonNullable<paths['/api/v1/participants/bulk-update']['post']['requestBody']>['content']['application/json'];
export type BulkChanges = BulkUpdateBody['changes'];
export type BulkReport = NonNullable<paths['/api/v1/participants/bulk-update']['post']['responses'][200]['content']['application/json']>['data'];

/** The API takes at most this many ids per call; a larger selection goes in several calls. */
const IDS_PER_CALL = 500;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function sum(reports: BulkReport[]): BulkReport {
  return reports.reduce<BulkReport>(
    (all, r) => ({
      changed: all.changed + r.changed,
      unchanged: all.unchanged + r.unchanged,
      not_found: all.not_found + r.not_found,
      failed: all.failed + r.failed,
      results: [...all.results, ...r.results],
    }),
    { changed: 0, unchanged: 0, not_found: 0, failed: 0, results: [] },
  );
}

/** Bulk update, delete and export of chosen participants, through the bulk endpoints. */
export function useBulkActions() {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const query = { accountSlug: account.slug };
  const refresh = () => queryClient.invalidateQueries({ queryKey: participantKeys.all(account.slug) });

  const update = useMutation({
    mutationFn: async ({ ids, changes }: { ids: readonly string[]; changes: BulkChanges }) => {
      const reports: BulkReport[] = [];
      for (const part of chunks(ids, IDS_PER_CALL)) {
        reports.push((await unwrap(api.POST('/api/v1/participants/bulk-update', { params: { query }, body: { ids: part, changes } }))).data);
      }
      return sum(reports);
    },
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: async (ids: readonly string[]) => {
      const reports: BulkReport[] = [];
      for (const part of chunks(ids, IDS_PER_CALL)) {
        reports.push((await unwrap(api.POST('/api/v1/participants/bulk-delete', { params: { query }, body: { ids: part } }))).data);
      }
      return sum(reports);
    },
    onSettled: refresh,
  });

  const exportCsv = useMutation({
    mutationFn: async (ids: readonly string[]) => {
      const parts: string[] = [];
      for (const [n, part] of chunks(ids, IDS_PER_CALL).entries()) {
        const result = await api.POST('/api/v1/participants/bulk-export', { params: { query }, body: { ids: part }, parseAs: 'text' });
        if (!result.response.ok) throw new ApiError(result.response.status, result.error);
        const text = String(result.data ?? '');
        // Each part has the header row; keep the first one only.
        parts.push(n === 0 ? text : text.slice(text.indexOf('\n') + 1));
      }
      return parts.join('');
    },
  });

  return { update, remove, exportCsv };
}

/** "Archived 58 participants; 2 were already archived." */
export function describeBulk(report: BulkReport, done: string, already: string): string {
  const parts = [`${done} ${report.changed.toLocaleString()} participant${report.changed === 1 ? '' : 's'}`];
  if (report.unchanged > 0) parts.push(`${report.unchanged.toLocaleString()} ${report.unchanged === 1 ? 'was' : 'were'} ${already}`);
  if (report.not_found > 0) parts.push(`${report.not_found.toLocaleString()} no longer exist${report.not_found === 1 ? 's' : ''}`);
  if (report.failed > 0) parts.push(`${report.failed.toLocaleString()} could not be changed`);
  return `${parts.join('; ')}.`;
}
