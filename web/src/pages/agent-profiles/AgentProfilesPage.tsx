import { Link, useNavigate } from 'react-router';
import { agentProfileKeys } from '../../api/agent-profiles';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { AgentProfile, UseCase } from '../../api/models';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { SearchField, SelectField, useSearchText } from '../../components/Field';
import { PlusIcon, UsersIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { Truncate } from '../../components/Truncate';
import { usePagedList, type PagedQuery } from '../../components/usePagedList';
import { formatDate } from '../../lib/format';
import { TONE_LABELS, USE_CASE_LABELS, keysOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

function isUseCase(value: string | null): value is UseCase {
  return value !== null && keysOf(USE_CASE_LABELS).includes(value as UseCase);
}

interface ProfileFilters {
  q?: string;
  useCase?: UseCase;
}

function readProfileFilters(params: URLSearchParams): ProfileFilters {
  const q = params.get('q')?.trim();
  const useCase = params.get('useCase');
  return { ...(q !== undefined && q !== '' ? { q } : {}), ...(isUseCase(useCase) ? { useCase } : {}) };
}

const NO_SORT_FIELDS: readonly 'updated'[] = [];

/** The interviewers of the team: persona, rubric and interaction settings. */
export function AgentProfilesPage() {
  useDocumentTitle('Agent Profiles');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  // Page and filters live in the URL (usePagedList): Back, Forward and reload keep the page.
  const list = usePagedList({
    readFilters: readProfileFilters,
    sortFields: NO_SORT_FIELDS,
    defaultSort: { field: 'updated', direction: 'desc' },
    queryKey: ({ filters, page, pageSize }: PagedQuery<ProfileFilters, 'updated'>) => agentProfileKeys.list(account.slug, { ...filters, page, pageSize }),
    fetchPage: ({ filters, page, pageSize }: PagedQuery<ProfileFilters, 'updated'>) =>
      unwrap(api.GET('/api/v1/agent-profiles', { params: { query: { accountSlug: account.slug, page, pageSize, ...filters } } })),
  });
  const { filters } = list;
  const [search, setSearch] = useSearchText(filters.q ?? '', (q) => list.setFilters({ q }), 250);
  const filtered = filters.q !== undefined || filters.useCase !== undefined;
  const newLink = account.canWrite ? (
    <Link className="btn btn-primary" to={`${account.base}/agent-profiles/new`}>
      <PlusIcon />
      New agent profile
    </Link>
  ) : undefined;

  const columns: Column<AgentProfile>[] = [
    {
      id: 'name',
      header: 'Name',
      title: true,
      width: '26%',
      cell: (p) => (
        <span className="row">
          <Link className="cell-primary truncate" title={p.name} to={`${account.base}/agent-profiles/${p.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}>
            {p.name}
          </Link>
          {p.starter ? <Badge tone="blue">Starter</Badge> : null}
        </span>
      ),
    },
    { id: 'use_case', header: 'Use case', width: '8rem', cell: (p) => USE_CASE_LABELS[p.useCase] },
    { id: 'rubric', header: 'Rubric', className: 'cell-muted', cell: (p) => <Truncate text={p.evaluationDimensions.map((d) => `${d.name} ${d.weight}%`).join(' · ')} /> },
    { id: 'tone', header: 'Tone', width: '8rem', cell: (p) => TONE_LABELS[p.interaction.tone] },
    { id: 'updated', header: 'Updated', width: '7.5rem', className: 'cell-muted cell-nowrap', cell: (p) => formatDate(p.updated_at) },
  ];

  return (
    <div className="page">
      <PageHeader
        title="Agent Profiles"
        description="Interviewers: who they are to the participant, how they ask, and the rubric they score against."
        actions={newLink}
      />
      <section className="card" aria-label="Agent profiles">
        <div className="toolbar" role="search">
          <SearchField id="agent-profile-search" placeholder="Search by name" value={search} onChange={setSearch} />
          <SelectField label="Use case" value={filters.useCase ?? ''} onChange={(event) => list.setFilters({ useCase: event.target.value })}>
            <option value="">All use cases</option>
            {keysOf(USE_CASE_LABELS).map((u) => (
              <option key={u} value={u}>
                {USE_CASE_LABELS[u]}
              </option>
            ))}
          </SelectField>
          {filtered ? (
            <Button variant="ghost" className="toolbar-clear" onClick={list.clearFilters}>
              Clear filters
            </Button>
          ) : null}
        </div>
        {list.query.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.query.error} title="Agent profiles could not be loaded" onRetry={() => void list.query.refetch()} />
          </div>
        ) : list.rows !== undefined && list.rows.length === 0 && list.page === 1 ? (
          <EmptyState icon={<UsersIcon size={20} />} title={filtered ? 'No agent profile matches' : 'No agent profiles yet'} actions={filtered ? undefined : newLink}>
            {filtered ? 'Try another search or clear the filters.' : 'An agent profile is an interviewer: a persona, a rubric of weighted dimensions and how it probes.'}
          </EmptyState>
        ) : (
          <>
            <DataTable
              caption="Agent profiles"
              columns={columns}
              rows={list.rows}
              rowKey={(p) => p.id}
              rowLabel={(p) => p.name}
              onOpen={(p) => void navigate(`${account.base}/agent-profiles/${p.id}`)}
              busy={list.query.isFetching}
              stale={list.stale}
            />
            <Pager {...list.pager} />
          </>
        )}
      </section>
    </div>
  );
}
