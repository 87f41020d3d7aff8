import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { Template, TemplateStatus, UseCase } from '../../api/models';
import { templateKeys } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge, type BadgeTone } from '../../components/Badge';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { SearchField, SelectField, useSearchText } from '../../components/Field';
import { ClipboardIcon, PlusIcon } from '../../components/Icons';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { Truncate } from '../../components/Truncate';
import { usePagedList, type PagedQuery } from '../../components/usePagedList';
import { formatDate } from '../../lib/format';
import { DIFFICULTY_LABELS, TEMPLATE_STATUS_LABELS, USE_CASE_LABELS, keysOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';


export const STATUS_TONES: Record<TemplateStatus, BadgeTone> = { active: 'green', draft: 'amber', archived: 'gray' };

function isStatus(value: string | null): value is TemplateStatus {
  return value !== null && keysOf(TEMPLATE_STATUS_LABELS).includes(value as TemplateStatus);
}

function isUseCase(value: string | null): value is UseCase {
  return value !== null && keysOf(USE_CASE_LABELS).includes(value as UseCase);
}

interface TemplateFilters {
  q?: string;
  status?: TemplateStatus;
  use_case?: UseCase;
}

function readTemplateFilters(params: URLSearchParams): TemplateFilters {
  const status = params.get('status');
  const useCase = params.get('use_case');
  const q = params.get('q')?.trim();
  return {
    ...(q !== undefined && q !== '' ? { q } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(isUseCase(useCase) ? { use_case: useCase } : {}),
  };
}

const NO_SORT_FIELDS: readonly 'updated'[] = [];

export function TemplatesPage() {
  useDocumentTitle('Evaluation Templates');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const list = usePagedList({
    readFilters: readTemplateFilters,
    sortFields: NO_SORT_FIELDS,
    defaultSort: { field: 'updated', direction: 'desc' },
    queryKey: (query: PagedQuery<TemplateFilters, 'updated'>) => templateKeys.list(account.slug, { ...query.filters, page: query.page, pageSize: query.pageSize }),
    fetchPage: ({ filters, page, pageSize }: PagedQuery<TemplateFilters, 'updated'>) =>
      unwrap(api.GET('/api/v1/evaluation-templates', { params: { query: { accountSlug: account.slug, page, pageSize, ...filters } } })),
  });
  const { filters } = list;
  const [search, setSearch] = useSearchText(filters.q ?? '', (q) => list.setFilters({ q }), 250);
  const filtered = filters.q !== undefined || filters.status !== undefined || filters.use_case !== undefined;

  const columns: Column<Template>[] = [
    {
      id: 'name',
      header: 'Name',
      title: true,
      width: '22%',
      cell: (t) => (
        <>
          <Link className="cell-primary truncate" title={t.template_name} to={`${account.base}/templates/${t.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}>
            {t.template_name}
          </Link>
          {t.level !== null ? <Truncate text={t.level} className="subtle" /> : null}
        </>
      ),
    },
    { id: 'use_case', header: 'Use case', width: '7.5rem', cell: (t) => USE_CASE_LABELS[t.use_case] },
    { id: 'stages', header: 'Stages', className: 'cell-muted', cell: (t) => <Truncate text={t.stages.map((s) => s.stage_name).join(' → ')} /> },
    { id: 'duration', header: 'Duration', width: '6rem', className: 'cell-nowrap', cell: (t) => `${t.default_duration_minutes} min` },
    { id: 'difficulty', header: 'Difficulty', width: '7.5rem', cell: (t) => DIFFICULTY_LABELS[t.default_difficulty] },
    {
      id: 'status',
      header: 'Status',
      width: '7rem',
      cell: (t) => (
        <Badge tone={STATUS_TONES[t.status]} dot>
          {TEMPLATE_STATUS_LABELS[t.status]}
        </Badge>
      ),
    },
    { id: 'updated', header: 'Updated', width: '7.5rem', className: 'cell-muted cell-nowrap', cell: (t) => formatDate(t.updated_at) },
  ];

  return (
    <div className="page">
      <PageHeader
        title="Evaluation Templates"
        description="The roles and programs participants are evaluated against, with their interview stages."
        actions={
          account.canWrite ? (
            <Link className="btn btn-primary" to={`${account.base}/templates/new`}>
              <PlusIcon />
              New template
            </Link>
          ) : undefined
        }
      />
      <section className="card" aria-label="Templates">
        <div className="toolbar" role="search">
          <SearchField id="template-search" placeholder="Search by name" value={search} onChange={setSearch} />
          <SelectField label="Status" className="field-status" value={filters.status ?? ''} onChange={(event) => list.setFilters({ status: event.target.value })}>
            <option value="">All statuses</option>
            {keysOf(TEMPLATE_STATUS_LABELS).map((s) => (
              <option key={s} value={s}>
                {TEMPLATE_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Use case" className="field-template" value={filters.use_case ?? ''} onChange={(event) => list.setFilters({ use_case: event.target.value })}>
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
            <ErrorNotice error={list.query.error} title="Templates could not be loaded" onRetry={() => void list.query.refetch()} />
          </div>
        ) : list.rows !== undefined && list.rows.length === 0 && list.page === 1 ? (
          <EmptyState
            icon={<ClipboardIcon size={20} />}
            title={filtered ? 'No template matches' : 'No evaluation templates yet'}
            actions={
              !filtered && account.canWrite ? (
                <Link className="btn btn-primary" to={`${account.base}/templates/new`}>
                  <PlusIcon />
                  New template
                </Link>
              ) : undefined
            }
          >
            {filtered
              ? 'Try another search or clear the filters.'
              : 'A template describes the role or program you evaluate people for: its objective, skills and interview stages.'}
          </EmptyState>
        ) : (
          <>
            <DataTable
              caption="Evaluation templates"
              columns={columns}
              rows={list.rows}
              rowKey={(t) => t.id}
              rowLabel={(t) => t.template_name}
              onOpen={(t) => void navigate(`${account.base}/templates/${t.id}`)}
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
