import { useState } from 'react';
import { Link } from 'react-router';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { autoMapColumns, type ColumnMapping } from '../../lib/import-mapping';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { FilePicker, type LoadedFile } from './import/FilePicker';
import { ImportOutcomeTable, ImportStats } from './import/ImportOutcome';
import { ImportReview } from './import/ImportReview';
import type { ImportRun } from './import/useImportRun';

const STEPS = ['Choose a file', 'Check the columns', 'Results'];

/** Import a CSV: choose the file, match its columns (and check it), then see each row's outcome. */
export function ImportParticipantsPage() {
  useDocumentTitle('Import participants');
  const account = useAccount();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [report, setReport] = useState<ImportRun | null>(null);
  const step = file === null ? 1 : report === null || report.dryRun ? 2 : 3;
  const reset = () => {
    setFile(null);
    setReport(null);
  };

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
        {STEPS.map((label, index) => (
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
      ) : report !== null && !report.dryRun ? (
        <>
          <ImportStats report={report.data} dryRun={false} />
          <ImportOutcomeTable file={file} mapping={mapping} report={report.data} dryRun={false} />
          <div className="form-actions">
            <Button onClick={reset}>Import another file</Button>
            <Link className="btn btn-primary" to={`${account.base}/participants`}>
              Go to participants
            </Link>
          </div>
        </>
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
          onReset={reset}
        />
      )}
    </div>
  );
}
