import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { agentProfileKeys } from '../../api/agent-profiles';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { UseCase } from '../../api/models';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { EmptyState, SkeletonRows } from '../../components/EmptyState';
import { SearchField, SelectField } from '../../components/Field';
import { PlusIcon, UsersIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDate, plural } from '../../lib/format';
import { TONE_LABELS, USE_CASE_LABELS, keysOf } from '../../lib/labels';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const PAGE_SIZE = 25;

function isUseCase(value: string | null): value is UseCase {
  return value !== null && keysOf(USE_CASE_LABELS).includes(value as UseCase);
}

/** The interviewers of the team: persona, rubric and interaction settings. */
export function AgentProfilesPage() {
  useDocumentTitle('Agent Profiles');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const useCaseParam = params.get('useCase');
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

  const filters = { q: q === '' ? undefined : q, useCase, page };
  const list = useQuery({
    queryKey: agentProfileKeys.list(account.slug, filters),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(
        api.GET('/api/v1/agent-profiles', {
          params: {
            query: {
              accountSlug: account.slug,
              page,
              pageSize: PAGE_SIZE,
              ...(filters.q !== undefined ? { q: filters.q } : {}),
              ...(useCase !== undefined ? { useCase } : {}),
            },
          },
        }),
      ),
  });

  const total = list.data?.meta.total ?? 0;
  const totalPages = list.data?.meta.totalPages ?? 1;
  const filtered = filters.q !== undefined || useCase !== undefined;
  const newLink = account.canWrite ? (
    <Link className="btn btn-primary" to={`${account.base}/agent-profiles/new`}>
      <PlusIcon />
      New agent profile
    </Link>
  ) : undefined;

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
          <SelectField label="Use case" value={useCase ?? ''} onChange={(event) => update({ useCase: event.target.value })}>
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
            <ErrorNotice error={list.error} title="Agent profiles could not be loaded" />
          </div>
        ) : list.data !== undefined && list.data.data.length === 0 ? (
          <EmptyState icon={<UsersIcon size={20} />} title={filtered ? 'No agent profile matches' : 'No agent profiles yet'} actions={filtered ? undefined : newLink}>
            {filtered ? 'Try another search or clear the filters.' : 'An agent profile is an interviewer: a persona, a rubric of weighted dimensions and how it probes.'}
          </EmptyState>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table table-cards" aria-busy={list.isFetching} style={list.isPlaceholderData ? { opacity: 0.6 } : undefined}>
                <caption className="visually-hidden">Agent profiles</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Use case</th>
                    <th scope="col">Rubric</th>
                    <th scope="col">Tone</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data === undefined ? (
                    <SkeletonRows columns={5} />
                  ) : (
                    list.data.data.map((p) => (
                      <tr key={p.id} className="row-link" onClick={() => void navigate(`${account.base}/agent-profiles/${p.id}`)}>
                        <td className="cell-title">
                          <span className="row">
                            <Link className="cell-primary" to={`${account.base}/agent-profiles/${p.id}`} onClick={(e) => e.stopPropagation()}>
                              {p.name}
                            </Link>
                            {p.starter ? <Badge tone="blue">Starter</Badge> : null}
                          </span>
                        </td>
                        <td data-label="Use case">{USE_CASE_LABELS[p.useCase]}</td>
                        <td data-label="Rubric" className="cell-muted">
                          {p.evaluationDimensions.map((d) => `${d.name} ${d.weight}%`).join(' · ')}
                        </td>
                        <td data-label="Tone">{TONE_LABELS[p.interaction.tone]}</td>
                        <td data-label="Updated" className="cell-muted cell-nowrap">
                          {formatDate(p.updated_at)}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              summary={list.data === undefined || list.isPlaceholderData ? 'Loading…' : `${plural(total, 'agent profile')} · page ${page} of ${Math.max(totalPages, 1)}`}
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
