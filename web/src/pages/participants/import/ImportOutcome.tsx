import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ImportReport } from '../../../api/models';
import { useAccount } from '../../../auth/AccountContext';
import { Badge } from '../../../components/Badge';
import { Button } from '../../../components/Button';
import { DataTable, type Column } from '../../../components/DataTable';
import { DownloadIcon } from '../../../components/Icons';
import { Truncate } from '../../../components/Truncate';
import { downloadText } from '../../../lib/download';
import { plural } from '../../../lib/format';
import { describeIssues, failuresCsv, rowOfResult, type ColumnMapping } from '../../../lib/import-mapping';
import type { LoadedFile } from './FilePicker';

const RESULT_ROWS_SHOWN = 200;

type Outcome = ImportReport['results'][number];

/** Created, skipped and failed counts; in a dry run, what would happen. */
export function ImportStats({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  return (
    <section className="stats" aria-label={dryRun ? 'Check results' : 'Import results'}>
      <div className="stat stat-green">
        <div className="stat-label">{dryRun ? 'Would be created' : 'Created'}</div>
        <div className="stat-value">{report.created.toLocaleString()}</div>
      </div>
      <div className="stat stat-amber">
        <div className="stat-label">{dryRun ? 'Would be skipped' : 'Skipped'}</div>
        <div className="stat-value">{report.skipped.toLocaleString()}</div>
      </div>
      <div className="stat stat-red">
        <div className="stat-label">{dryRun ? 'Would fail' : 'Failed'}</div>
        <div className="stat-value">{report.failed.toLocaleString()}</div>
      </div>
    </section>
  );
}

/**
 * Row by row: the outcome of each row and why (the same for a dry run, which writes nothing,
 * and the import), with the failures downloadable as CSV to fix and import again.
 */
export function ImportOutcomeTable({ file, mapping, report, dryRun }: { file: LoadedFile; mapping: ColumnMapping; report: ImportReport; dryRun: boolean }) {
  const account = useAccount();
  const [problemsOnly, setProblemsOnly] = useState(report.failed + report.skipped > 0);
  const nameIndex = mapping.indexOf('name');
  const emailIndex = mapping.indexOf('email');
  const shown = useMemo(
    () => report.results.filter((r) => !problemsOnly || r.status !== 'created').slice(0, RESULT_ROWS_SHOWN),
    [report.results, problemsOnly],
  );
  const total = problemsOnly ? report.failed + report.skipped : report.results.length;
  const baseName = file.name.replace(/\.csv$/i, '');
  const cellOf = (result: Outcome, index: number) => rowOfResult(file.table, result.index)?.[index] ?? '';
  const outcomeLabel = (status: Outcome['status']) =>
    dryRun
      ? { created: 'Would be created', skipped: 'Would be skipped', failed: 'Would fail' }[status]
      : { created: 'Created', skipped: 'Skipped', failed: 'Failed' }[status];

  const columns: Column<Outcome>[] = [
    { id: 'row', header: 'Row', width: '4.5rem', className: 'cell-muted', cell: (r) => r.index },
    {
      id: 'name',
      header: 'Name',
      title: true,
      width: '22%',
      cell: (r) =>
        r.id !== undefined ? (
          <Link className="cell-primary truncate" title={cellOf(r, nameIndex)} to={`${account.base}/participants/${r.id}`}>
            {cellOf(r, nameIndex)}
          </Link>
        ) : (
          <Truncate text={cellOf(r, nameIndex)} className="cell-primary" />
        ),
    },
    { id: 'email', header: 'Email', width: '24%', className: 'cell-muted', cell: (r) => <Truncate text={cellOf(r, emailIndex)} /> },
    {
      id: 'outcome',
      header: 'Outcome',
      width: '9.5rem',
      cell: (r) => (
        <Badge tone={r.status === 'created' ? 'green' : r.status === 'skipped' ? 'amber' : 'red'} dot>
          {outcomeLabel(r.status)}
        </Badge>
      ),
    },
    {
      id: 'details',
      header: 'Details',
      className: 'cell-wrap',
      cell: (r) =>
        r.status === 'skipped' && r.existing_id !== undefined ? (
          <Link to={`${account.base}/participants/${r.existing_id}`}>{describeIssues(r)}</Link>
        ) : (
          describeIssues(r)
        ),
    },
  ];

  return (
    <section className="card" aria-labelledby="outcome-heading">
      <div className="card-header">
        <div>
          <h2 id="outcome-heading">Row by row</h2>
          <p>
            {dryRun
              ? 'Nothing was written. Rows that would fail say why; fix them in the file, or import and fix them afterwards.'
              : 'Skipped rows already exist (same email and template). Failed rows were not imported; fix them and import them again.'}
          </p>
        </div>
        <div className="row">
          <label className="checkbox">
            <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} />
            <span>Only skipped and failed</span>
          </label>
          <Button
            icon={<DownloadIcon />}
            disabled={report.failed === 0}
            onClick={() => downloadText(`${baseName}-failures.csv`, failuresCsv(file.table, report.results))}
          >
            Download failures
          </Button>
        </div>
      </div>
      <DataTable caption={dryRun ? 'Outcome each row would have' : 'Outcome of each row'} columns={columns} rows={shown} rowKey={(r) => String(r.index)} rowLabel={(r) => `Row ${r.index}`} />
      <div className="card-footer">
        <span>{total > RESULT_ROWS_SHOWN ? `The first ${RESULT_ROWS_SHOWN} of ${total.toLocaleString()} rows are shown.` : plural(total, 'row')}</span>
      </div>
    </section>
  );
}
