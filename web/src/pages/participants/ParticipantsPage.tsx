import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Participant } from '../../api/models';
import { hasParticipantFilters, participantFilterQuery } from '../../api/participants';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { DownloadIcon, PlusIcon, SearchIcon, UploadIcon, UsersIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { TagChips } from '../../components/TagChips';
import { Truncate } from '../../components/Truncate';
import { PAGE_SIZES } from '../../components/usePagedList';
import { useSelection } from '../../components/useSelection';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AddParticipantDialog } from './AddParticipantDialog';
import { BulkActionBar } from './BulkActionBar';
import { ParticipantFiltersBar } from './ParticipantFiltersBar';
import { StatusBadge } from './StatusBadge';
import { useParticipantList } from './useParticipantList';

export function ParticipantsPage() {
  useDocumentTitle('Participants');
  const account = useAccount();
  const navigate = useNavigate();
  const templates = useAllTemplates();
  const list = useParticipantList();
  const [adding, setAdding] = useState(false);
  const { filters, rows } = list;
  const filtered = hasParticipantFilters(filters);
  const selection = useSelection(`${account.slug}:${JSON.stringify(filters)}`);
  const templateNames = new Map((templates.data ?? []).map((t) => [t.id, t.template_name]));
  const exportHref = `/api/v1/participants/export?${new URLSearchParams([
    ['accountSlug', account.slug],
    ...participantFilterQuery(filters),
    ['sort', `${list.sort.field}:${list.sort.direction}`],
  ]).toString()}`;
  const pickTag = (tag: string) => {
    if (!filters.tag.some((t) => t.toLowerCase() === tag.toLowerCase())) list.setFilters({ tag: [...filters.tag, tag] });
  };

  const columns: Column<Participant>[] = [
    {
      id: 'name',
      header: 'Name',
      title: true,
      width: '22%',
      sortField: 'name',
      cell: (p) => (
        <>
          <Link className="cell-primary truncate" title={p.name} to={`${account.base}/participants/${p.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}>
            {p.name}
          </Link>
          {p.external_id !== null ? <Truncate text={p.external_id} className="subtle" /> : null}
        </>
      ),
    },
    { id: 'email', header: 'Email', width: '25%', className: 'cell-muted', cell: (p) => <Truncate text={p.email} /> },
    {
      id: 'template',
      header: 'Template',
      width: '16%',
      cell: (p) =>
        p.evaluation_template_id === null ? (
          <span className="cell-muted">—</span>
        ) : (
          <Truncate text={templateNames.get(p.evaluation_template_id) ?? '…'} />
        ),
    },
    { id: 'tags', header: 'Tags', width: '16%', cell: (p) => <TagChips tags={p.tags} max={2} onPick={pickTag} /> },
    { id: 'status', header: 'Status', width: '8rem', sortField: 'status', cell: (p) => <StatusBadge status={p.status} /> },
    { id: 'created', header: 'Created', width: '8rem', sortField: 'created_at', className: 'cell-muted cell-nowrap', cell: (p) => formatDate(p.created_at) },
  ];

  const empty = rows !== undefined && rows.length === 0 && list.page === 1;

  return (
    <div className="page">
      <PageHeader
        title="Participants"
        description="The people you interview: candidates, trainees and students."
        actions={
          <>
            <a className="btn btn-secondary" href={exportHref} download>
              <DownloadIcon />
              Export
            </a>
            {account.canWrite ? (
              <>
                <Link className="btn btn-secondary" to={`${account.base}/participants/import`}>
                  <UploadIcon />
                  Import
                </Link>
                <Button variant="primary" icon={<PlusIcon />} onClick={() => setAdding(true)}>
                  Add
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <section className="card" aria-label="Participant list">
        <ParticipantFiltersBar
          filters={filters}
          templates={templates.data}
          filtered={filtered}
          onChange={list.setFilters}
          onClear={list.clearFilters}
        />
        <BulkActionBar selection={selection} templates={templates.data} />
        {list.query.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.query.error} title="Participants could not be loaded" onRetry={() => void list.query.refetch()} />
          </div>
        ) : empty ? (
          filtered ? (
            <EmptyState icon={<SearchIcon size={20} />} title="No participant matches">
              Try another search, or clear the filters.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<UsersIcon size={20} />}
              title="No participants yet"
              actions={
                account.canWrite ? (
                  <>
                    <Link className="btn btn-secondary" to={`${account.base}/participants/import`}>
                      <UploadIcon />
                      Import a CSV
                    </Link>
                    <Button variant="primary" icon={<PlusIcon />} onClick={() => setAdding(true)}>
                      Add participant
                    </Button>
                  </>
                ) : undefined
              }
            >
              Add the people you interview one by one, or import a spreadsheet of them. Then book their sessions.
            </EmptyState>
          )
        ) : (
          <>
            <DataTable
              caption="Participants"
              columns={columns}
              rows={rows}
              rowKey={(p) => p.id}
              rowLabel={(p) => p.name}
              sort={{ state: list.sort, onSort: (field) => list.toggleSort(field as typeof list.sort.field) }}
              selection={selection}
              onOpen={(p) => void navigate(`${account.base}/participants/${p.id}`)}
              busy={list.query.isFetching}
              stale={list.stale}
            />
            <Pager {...list.pager} pageSize={list.pageSize} pageSizes={PAGE_SIZES} onPageSize={list.setPageSize} />
          </>
        )}
      </section>
      <AddParticipantDialog open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
