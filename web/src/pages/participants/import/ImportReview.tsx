import { useState } from 'react';
import { useAllTemplates } from '../../../api/templates';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { FileIcon, UploadIcon } from '../../../components/Icons';
import { ErrorNotice, Notice } from '../../../components/Notice';
import { raggedRows } from '../../../lib/csv';
import { plural } from '../../../lib/format';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, mappingProblems, type ColumnMapping, type ImportField } from '../../../lib/import-mapping';
import type { LoadedFile } from './FilePicker';
import { ImportOutcomeTable, ImportStats } from './ImportOutcome';
import { useImportRun, type ImportRun } from './useImportRun';

const PREVIEW_ROWS = 5;
const RAGGED_SHOWN = 5;

/** Rows whose field count differs from the header's: the file is read wrongly from there on. */
function ShapeProblems({ file }: { file: LoadedFile }) {
  const ragged = raggedRows(file.table);
  const unclosed = file.table.unclosedQuoteLine;
  if (ragged.length === 0 && unclosed === undefined) return null;
  const columns = file.table.header.length;
  return (
    <Notice tone="error" title="Some rows do not have the header’s columns">
      <ul className="plain-list">
        {unclosed !== undefined ? <li>A quote opened on line {unclosed} is never closed, so everything after it reads as one value.</li> : null}
        {ragged.slice(0, RAGGED_SHOWN).map((r) => (
          <li key={r.row}>
            Row {r.row}
            {r.line !== r.row ? ` (line ${r.line})` : ''} has {plural(r.fields, 'column')}; the header has {columns}.
          </li>
        ))}
        {ragged.length > RAGGED_SHOWN ? <li>…and {(ragged.length - RAGGED_SHOWN).toLocaleString()} more rows.</li> : null}
      </ul>
      <div>A quote is usually missing or extra in such a row (a value with a comma must be in quotes). Fix the file and choose it again.</div>
    </Notice>
  );
}

/** Step 2: which field each column fills, a template for everyone, then a check or the import. */
export function ImportReview({
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
  report: ImportRun | null;
  onReport: (report: ImportRun) => void;
  onReset: () => void;
}) {
  const templates = useAllTemplates();
  const [templateId, setTemplateId] = useState('');
  const { table } = file;
  const run = useImportRun(table, mapping, templateId, onReport);
  const problems = mappingProblems(mapping);
  const misshapen = raggedRows(table).length > 0 || table.unclosedQuoteLine !== undefined;
  const blocked = problems.length > 0 || misshapen || run.isPending;
  const hasTemplateColumn = mapping.includes('template_name') || mapping.includes('evaluation_template_id');
  const columnName = (h: string, i: number) => (h === '' ? `Column ${i + 1}` : h);

  const setColumn = (index: number, field: ImportField | null) => {
    const next = [...mapping];
    next[index] = field;
    onMappingChange(next);
  };

  return (
    <>
      <section className="card" aria-labelledby="preview-heading">
        <div className="card-header">
          <div>
            <h2 id="preview-heading" className="row">
              <FileIcon />
              <span className="heading-text">{file.name}</span>
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
          <table className="table table-preview">
            <caption className="visually-hidden">Column mapping and the first rows of the file</caption>
            <thead>
              <tr>
                {table.header.map((h, i) => (
                  <th key={i} scope="col">
                    <span className="truncate" title={columnName(h, i)}>
                      {columnName(h, i)}
                    </span>
                  </th>
                ))}
              </tr>
              <tr>
                {table.header.map((h, i) => (
                  <td key={i} className="preview-mapping">
                    <SelectField
                      className="mapping-select"
                      label={`Field for column “${columnName(h, i)}”`}
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
                <tr key={r} className={mapping.every((m) => m === null) ? 'row-muted' : undefined}>
                  {table.header.map((_, c) => (
                    <td key={c} className={mapping[c] === null ? 'cell-muted cell-skipped' : undefined}>
                      <span className="truncate" title={row[c] ?? ''}>
                        {row[c] ?? ''}
                      </span>
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
          <ShapeProblems file={file} />
          {problems.length > 0 ? (
            <Notice tone="warning" title="Match the columns before importing">
              <ul className="plain-list">
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
          {report !== null && report.dryRun ? (
            <Notice tone={report.data.failed > 0 ? 'warning' : 'success'} title="Check finished: nothing was written">
              {`${plural(report.data.created, 'row')} would be created, ${report.data.skipped.toLocaleString()} skipped as duplicates, ${report.data.failed.toLocaleString()} would fail. The rows are listed below.`}
            </Notice>
          ) : null}
          <div className="form-actions">
            <Button loading={run.isPending && run.variables} disabled={blocked} onClick={() => run.mutate(true)}>
              Check without importing
            </Button>
            <Button variant="primary" icon={<UploadIcon />} loading={run.isPending && !run.variables} disabled={blocked} onClick={() => run.mutate(false)}>
              Import {plural(table.rows.length, 'row')}
            </Button>
          </div>
        </div>
      </section>

      {report !== null && report.dryRun ? (
        <>
          <ImportStats report={report.data} dryRun />
          <ImportOutcomeTable file={file} mapping={mapping} report={report.data} dryRun />
        </>
      ) : null}
    </>
  );
}
