import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/client';
import type { ImportReport } from '../../../api/models';
import { participantKeys } from '../../../api/participants';
import { useAccount } from '../../../auth/AccountContext';
import type { CsvTable } from '../../../lib/csv';
import { buildImportCsv, type ColumnMapping } from '../../../lib/import-mapping';

export interface ImportRun {
  data: ImportReport;
  dryRun: boolean;
}

/** Sends the mapped file to the import endpoint, as a check (`dryRun`) or for real. */
export function useImportRun(table: CsvTable, mapping: ColumnMapping, templateId: string, onDone: (run: ImportRun) => void) {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (dryRun: boolean): Promise<ImportRun> => {
      const data = (
        await unwrap(
          api.POST('/api/v1/participants/import', {
            params: {
              query: {
                accountSlug: account.slug,
                ...(dryRun ? { dry_run: true } : {}),
                ...(templateId !== '' ? { evaluation_template_id: templateId } : {}),
              },
            },
            body: buildImportCsv(table, mapping),
            bodySerializer: (body: string) => body,
            headers: { 'content-type': 'text/csv' },
          }),
        )
      ).data;
      return { data, dryRun };
    },
    onSuccess: async (run) => {
      onDone(run);
      if (!run.dryRun) await queryClient.invalidateQueries({ queryKey: participantKeys.all(account.slug) });
    },
  });
}
