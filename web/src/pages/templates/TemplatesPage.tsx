import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { TemplateStatus, UseCase } from '../../api/models';
import { templateKeys } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge, type BadgeTone } from '../../components/Badge';
import { EmptyState, SkeletonRows } from '../../components/EmptyState';
import { SearchField, SelectField } from '../../components/Field';
import { ClipboardIcon, PlusIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDate, plural } from '../../lib/format';
import { DIFFICULTY_LABELS, TEMPLATE_STATUS_LABELS, USE_CASE_LABELS, keysOf } from '../../lib/labels';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const PAGE_SIZE = 25;

export const STATUS_TONES: Record<TemplateStatus, BadgeTone> = { active: 'green', draft: 'amber', archived: 'gray' };

function isStatus(value: string | null): value is TemplateStatus {
  return value !== null && keysOf(TEMPLATE_STATUS_LABELS).includes(value as TemplateStatus);
}

function isUseCase(value: string | null): value is UseCase {
  return value !== null && keysOf(USE_CASE_LABELS).includes(value as UseCase);
}

export function TemplatesPage() {
  useDocumentTitle('Evaluation Templates');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const useCaseParam = params.get('use_case');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const useCase = isUseCase(useCaseParam) ? useCaseParam : undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 250);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q });
  }, [q]);

  const filters = { q: q === '' ? undefined : q, status, use_case: useCase, page };
  const list = useQuery({
    queryKey: templateKeys.list(account.slug, filters),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(
        api.GET('/api/v1/evaluation-templates', {
          params: {
            query: {
              accountSlug: account.slug,
              page,
              pageSize: PAGE_SIZE,
              ...(filters.q !== undefined ? { q: filters.q } : {}),
              ...(status !== undefined ? { status } : {}),
              ...(useCase !== undefined ? { use_case: useCase } : {}),
            },
          },
        }),
      ),
  });

  const total = list.data?.meta.total ?? 0;
  const totalPages = list.data?.meta.totalPages ?? 1;
  const filtered = filters.q !== undefined || status !== undefined || useCase !== undefined;

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
          <SelectField label="Status" value={status ?? ''} onChange={(event) => update({ status: event.target.value })}>
            <option value="">All statuses</option>
            {keysOf(TEMPLATE_STATUS_LABELS).map((s) => (
              <option key={s} value={s}>
                {TEMPLATE_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Use case" value={useCase ?? ''} onChange={(event) => update({ use_case: event.target.value })}>
            <option value="">All use cases</option>
            {keysOf(USE_CASE_LABELS).map((u) => (
              <option key={u} value={u}>
                {USE_CASE_LABELS[u]}
              </option>
            ))}
          </SelectField>
        </div>
        {list.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.error} title="Templates could not be loaded" />
          </div>
        ) : list.data !== undefined && list.data.data.length === 0 ? (
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
            <div className="table-wrap">
              <table className="table table-cards" aria-busy={list.isFetching} style={list.isPlaceholderData ? { opacity: 0.6 } : undefined}>
                <caption className="visually-hidden">Evaluation templates</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Use case</th>
                    <th scope="col">Stages</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Difficulty</th>
                    <th scope="col">Status</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data === undefined ? (
                    <SkeletonRows columns={7} />
                  ) : (
                    list.data.data.map((t) => (
                      <tr key={t.id} className="row-link" onClick={() => void navigate(`${account.base}/templates/${t.id}`)}>
                        <td className="cell-title">
                          <Link className="cell-primary" to={`${account.base}/templates/${t.id}`} onClick={(e) => e.stopPropagation()}>
                            {t.template_name}
                          </Link>
                          {t.level !== null ? <div className="subtle">{t.level}</div> : null}
                        </td>
                        <td data-label="Use case">{USE_CASE_LABELS[t.use_case]}</td>
                        <td data-label="Stages" className="cell-muted">
                          {t.stages.map((s) => s.stage_name).join(' → ')}
                        </td>
                        <td data-label="Duration" className="cell-nowrap">
                          {t.default_duration_minutes} min
                        </td>
                        <td data-label="Difficulty">{DIFFICULTY_LABELS[t.default_difficulty]}</td>
                        <td data-label="Status">
                          <Badge tone={STATUS_TONES[t.status]} dot>
                            {TEMPLATE_STATUS_LABELS[t.status]}
                          </Badge>
                        </td>
                        <td data-label="Updated" className="cell-muted cell-nowrap">
                          {formatDate(t.updated_at)}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              summary={list.data === undefined || list.isPlaceholderData ? 'Loading…' : `${plural(total, 'template')} · page ${page} of ${Math.max(totalPages, 1)}`}
              hasPrevious={page > 1}
              hasNext={page < totalPages}
              busy={list.isFetching}
              onPrevious={() => update({ page: String(page - 1) })}
              onNext={() => update({ page: String(page + 1) })}
            />
          </>
        )}
      </section>
    </div>
  );
}
