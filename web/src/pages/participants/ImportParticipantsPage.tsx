import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { ImportReport } from '../../api/models';
import { participantKeys } from '../../api/participants';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { DownloadIcon, FileIcon, UploadIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { parseCsv, type CsvTable } from '../../lib/csv';
import { plural } from '../../lib/format';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  autoMapColumns,
  buildImportCsv,
  describeIssues,
  failuresCsv,
  mappingProblems,
  rowOfResult,
  type ColumnMapping,
  type ImportField,
} from '../../lib/import-mapping';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const PREVIEW_ROWS = 5;
const RESULT_ROWS_SHOWN = 200;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface LoadedFile {
  name: string;
  table: CsvTable;
}

export function ImportParticipantsPage() {
  useDocumentTitle('Import participants');
  const account = useAccount();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [report, setReport] = useState<{ data: ImportReport; dryRun: boolean } | null>(null);

  const step = file === null ? 1 : report === null || report.dryRun ? 2 : 3;

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to={`${account.base}/participants`}>Participants</Link>
            <span aria-hidden="true">/</span>
            <span>Import</span>
          </>
        }
        title="Import participants"
        description="Upload a CSV file with a header row. Duplicates are skipped, invalid rows are reported, and the rest are created."
      />
      <ol className="steps" aria-label="Progress">
        {['Choose a file', 'Check the columns', 'Results'].map((label, index) => (
          <li key={label} aria-current={step === index + 1 ? 'step' : undefined}>
            <span className="step-number">{index + 1}</span>
            {label}
          </li>
        ))}
      </ol>
      {!account.canWrite ? (
        <Notice tone="info">You have read-only access to this team, so you cannot import.</Notice>
      ) : file === null ? (
        <FilePicker
          onLoaded={(loaded) => {
            setFile(loaded);
            setMapping(autoMapColumns(loaded.table.header));
            setReport(null);
          }}
        />
      ) : (
        <ImportReview
          file={file}
          mapping={mapping}
          onMappingChange={(m) => {
            setMapping(m);
            setReport(null);
          }}
          report={report}
          onReport={setReport}
          onReset={() => {
            setFile(null);
            setReport(null);
          }}
        />
      )}
    </div>
  );
}

function FilePicker({ onLoaded }: { onLoaded: (file: LoadedFile) => void }) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (picked: File | undefined) => {
    if (picked === undefined) return;
    setProblem(null);
    if (picked.size > MAX_FILE_BYTES) return setProblem('The file is larger than 20 MB. Split it into smaller files.');
    const table = parseCsv(await picked.text());
    if (table.header.length === 0 || table.header.every((h) => h === '')) return setProblem('The file is empty.');
    if (table.rows.length === 0) return setProblem('The file has a header row but no participants under it.');
    if (table.rows.length > 50_000) return setProblem(`The file has ${table.rows.length.toLocaleString()} rows; import at most 50,000 at a time.`);
    onLoaded({ name: picked.name, table });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  };

  return (
    <section className="card">
      <div className="card-body stack">
        <div
          className="dropzone"
          data-active={dragging}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <div className="empty-icon">
            <UploadIcon size={20} />
          </div>
          <strong>Drop a CSV file here, or choose one</strong>
          <input
            id={inputId}
            className="visually-hidden file-input"
            type="file"
            accept=".csv,text/csv"
            aria-label="CSV file"
            onChange={(event) => void load(event.target.files?.[0])}
          />
          <label className="btn btn-primary" htmlFor={inputId}>
            Choose CSV file
          </label>
          <span className="subtle">Up to 50,000 rows and 20 MB. Comma, semicolon or tab separated.</span>
        </div>
        {problem !== null ? <Notice tone="error" title={problem} /> : null}
        <details>
          <summary>Which columns can the file have?</summary>
          <p className="muted" style={{ marginTop: 8 }}>
            <code>name</code> and <code>email</code> are required. Optional: <code>template_name</code> or <code>evaluation_template_id</code>,{' '}
            <code>external_id</code>, <code>phone</code>, <code>tags</code> (separated by <code>;</code> or <code>|</code>), <code>resume_url</code>,{' '}
            <code>title</code>, <code>organization</code>, <code>experience_level</code>, <code>location</code>. Other headers are recognised where
            possible, and you can match each column by hand on the next step.
          </p>
        </details>
      </div>
    </section>
  );
}

function ImportReview({
  file,
  mapping,
  onMappingChange,
  report,
  onReport,
  onReset,
}: {
  file: LoadedFile;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  report: { data: ImportReport; dryRun: boolean } | null;
  onReport: (report: { data: ImportReport; dryRun: boolean }) => void;
  onReset: () => void;
}) {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const templates = useAllTemplates();
  const [templateId, setTemplateId] = useState('');
  const { table } = file;
  const problems = mappingProblems(mapping);
  const hasTemplateColumn = mapping.includes('template_name') || mapping.includes('evaluation_template_id');

  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const csv = buildImportCsv(table, mapping);
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
            body: csv,
            bodySerializer: (body: string) => body,
            headers: { 'content-type': 'text/csv' },
          }),
        )
      ).data;
      return { data, dryRun };
    },
    onSuccess: async (result) => {
      onReport(result);
      if (!result.dryRun) await queryClient.invalidateQueries({ queryKey: participantKeys.all(account.slug) });
    },
  });

  const setColumn = (index: number, field: ImportField | null) => {
    const next = [...mapping];
    next[index] = field;
    onMappingChange(next);
  };

  if (report !== null && !report.dryRun) {
    return <ImportResults file={file} mapping={mapping} report={report.data} onReset={onReset} />;
  }

  return (
    <>
      <section className="card" aria-labelledby="preview-heading">
        <div className="card-header">
          <div>
            <h2 id="preview-heading" className="row">
              <FileIcon />
              {file.name}
            </h2>
            <p>
              {plural(table.rows.length, 'row')} · {plural(table.header.length, 'column')}. Check which field each column fills; the first{' '}
              {Math.min(PREVIEW_ROWS, table.rows.length)} rows are shown.
            </p>
          </div>
          <Button variant="ghost" onClick={onReset}>
            Choose another file
          </Button>
        </div>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Column mapping and the first rows of the file</caption>
            <thead>
              <tr>
                {table.header.map((h, i) => (
                  <th key={i} scope="col">
                    {h === '' ? `Column ${i + 1}` : h}
                  </th>
                ))}
              </tr>
              <tr>
                {table.header.map((h, i) => (
                  <td key={i} style={{ background: 'var(--gray-25)' }}>
                    <SelectField
                      className="mapping-select"
                      label={`Field for column “${h === '' ? `Column ${i + 1}` : h}”`}
                      hideLabel
                      value={mapping[i] ?? ''}
                      onChange={(e) => setColumn(i, e.target.value === '' ? null : (e.target.value as ImportField))}
                    >
                      <option value="">Don’t import</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {IMPORT_FIELD_LABELS[f]}
                        </option>
                      ))}
                    </SelectField>
                  </td>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                <tr key={r}>
                  {table.header.map((_, c) => (
                    <td key={c} className={mapping[c] === null ? 'cell-muted' : undefined} style={mapping[c] === null ? { opacity: 0.55 } : undefined}>
                      {row[c] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card">
        <div className="card-body stack">
          {problems.length > 0 ? (
            <Notice tone="warning" title="Match the columns before importing">
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <SelectField
            label="Evaluation Template for every row"
            hint={
              hasTemplateColumn
                ? 'Leave on “From the file” to use the template column of each row.'
                : 'The file has no template column; choose one template for everyone, or none.'
            }
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
          >
            <option value="">{hasTemplateColumn ? 'From the file' : 'No template'}</option>
            {(templates.data ?? [])
              .filter((t) => t.status !== 'archived')
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.template_name}
                </option>
              ))}
          </SelectField>
          {run.error !== null ? <ErrorNotice error={run.error} title="The file was not imported" /> : null}
          {report !== null && report.dryRun ? <DryRunSummary report={report.data} /> : null}
          <div className="form-actions">
            <Button loading={run.isPending && run.variables} disabled={problems.length > 0 || run.isPending} onClick={() => run.mutate(true)}>
              Check without importing
            </Button>
            <Button
              variant="primary"
              icon={<UploadIcon />}
              loading={run.isPending && !run.variables}
              disabled={problems.length > 0 || run.isPending}
              onClick={() => run.mutate(false)}
            >
              Import {plural(table.rows.length, 'row')}
            </Button>
          </div>
        </div>
      </section>
    </>
  );
}

function DryRunSummary({ report }: { report: ImportReport }) {
  const tone = report.failed > 0 ? 'warning' : 'success';
  return (
    <Notice tone={tone} title="Check finished: nothing was written">
      {`${plural(report.created, 'row')} would be created, ${report.skipped.toLocaleString()} skipped as duplicates, ${report.failed.toLocaleString()} invalid.`}
    </Notice>
  );
}

function downloadText(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ImportResults({ file, mapping, report, onReset }: { file: LoadedFile; mapping: ColumnMapping; report: ImportReport; onReset: () => void }) {
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

  return (
    <>
      <section className="stats" aria-label="Import results">
        <div className="stat stat-green">
          <div className="stat-label">Created</div>
          <div className="stat-value">{report.created.toLocaleString()}</div>
        </div>
        <div className="stat stat-amber">
          <div className="stat-label">Skipped</div>
          <div className="stat-value">{report.skipped.toLocaleString()}</div>
        </div>
        <div className="stat stat-red">
          <div className="stat-label">Failed</div>
          <div className="stat-value">{report.failed.toLocaleString()}</div>
        </div>
      </section>
      <section className="card" aria-labelledby="outcome-heading">
        <div className="card-header">
          <div>
            <h2 id="outcome-heading">Row by row</h2>
            <p>Skipped rows already exist (same email and template). Failed rows were not imported; fix them and import them again.</p>
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
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">Outcome of each row</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Outcome</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((result) => {
                const row = rowOfResult(file.table, result.index) ?? [];
                return (
                  <tr key={result.index}>
                    <td data-label="Row" className="cell-muted">
                      {result.index}
                    </td>
                    <td data-label="Name" className="cell-primary">
                      {result.id !== undefined ? (
                        <Link to={`${account.base}/participants/${result.id}`}>{row[nameIndex] ?? ''}</Link>
                      ) : (
                        (row[nameIndex] ?? '')
                      )}
                    </td>
                    <td data-label="Email" className="cell-muted">
                      {row[emailIndex] ?? ''}
                    </td>
                    <td data-label="Outcome">
                      <Badge tone={result.status === 'created' ? 'green' : result.status === 'skipped' ? 'amber' : 'red'} dot>
                        {result.status === 'created' ? 'Created' : result.status === 'skipped' ? 'Skipped' : 'Failed'}
                      </Badge>
                    </td>
                    <td data-label="Details">
                      {result.status === 'skipped' && result.existing_id !== undefined ? (
                        <Link to={`${account.base}/participants/${result.existing_id}`}>{describeIssues(result)}</Link>
                      ) : (
                        describeIssues(result)
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="card-footer">
          <span>{total > RESULT_ROWS_SHOWN ? `The first ${RESULT_ROWS_SHOWN} of ${total.toLocaleString()} rows are shown.` : plural(total, 'row')}</span>
          <div className="row">
            <Button onClick={onReset}>Import another file</Button>
            <Link className="btn btn-primary" to={`${account.base}/participants`}>
              Go to participants
            </Link>
          </div>
        </div>
      </section>
    </>
  );
}
