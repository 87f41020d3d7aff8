import { useId, useState, type DragEvent } from 'react';
import { UploadIcon } from '../../../components/Icons';
import { Notice } from '../../../components/Notice';
import { parseCsv, type CsvTable } from '../../../lib/csv';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 50_000;

export interface LoadedFile {
  name: string;
  table: CsvTable;
}

/** Step 1: choose or drop a CSV file; it is read in the browser for the preview. */
export function FilePicker({ onLoaded }: { onLoaded: (file: LoadedFile) => void }) {
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
    if (table.rows.length > MAX_ROWS) return setProblem(`The file has ${table.rows.length.toLocaleString()} rows; import at most ${MAX_ROWS.toLocaleString()} at a time.`);
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

