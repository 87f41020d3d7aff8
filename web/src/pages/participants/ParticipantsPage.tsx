import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { ParticipantStatus } from '../../api/models';
import { participantFilterQuery, participantKeys, type ParticipantListFilters } from '../../api/participants';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState, SkeletonRows } from '../../components/EmptyState';
import { SearchField, SelectField } from '../../components/Field';
import { DownloadIcon, PlusIcon, SearchIcon, UploadIcon, UsersIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { TagInput } from '../../components/TagInput';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AddParticipantDialog } from './AddParticipantDialog';

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readFilters(params: URLSearchParams): ParticipantListFilters {
  const status = params.get('status');
  const template = params.get('template');
  const q = params.get('q')?.trim();
  const cursor = params.get('cursor');
  return {
    tag: params.getAll('tag').filter((t) => t.trim() !== ''),
    ...(q !== undefined && q !== '' ? { q } : {}),
    ...(status === 'active' || status === 'archived' ? { status } : {}),
    ...(template !== null && UUID.test(template) ? { evaluation_template_id: template } : {}),
    ...(cursor !== null && cursor !== '' ? { cursor } : {}),
  };
}

export function ParticipantsPage() {
  useDocumentTitle('Participants');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const templates = useAllTemplates();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebouncedValue(search.trim(), 300);
  const [adding, setAdding] = useState(false);
  // Cursors of the pages before this one, for "Previous" (cursor paging only goes forward).
  const [previous, setPrevious] = useState<string[]>([]);

  const filterKey = JSON.stringify({ ...filters, cursor: undefined });
  useEffect(() => setPrevious([]), [filterKey]);

  const update = (changes: { q?: string; status?: string; template?: string; tag?: string[] }) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      next.delete(name);
      if (Array.isArray(value)) for (const v of value) next.append(name, v);
      else if (value !== undefined && value !== '') next.set(name, value);
    }
    next.delete('cursor');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    // Runs when the typed search settles, not on every URL change.
    if ((filters.q ?? '') !== q) update({ q });
  }, [q]);

  const list = useQuery({
    queryKey: participantKeys.list(account.slug, filters),
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/participants', {
          params: {
            query: {
              accountSlug: account.slug,
              limit: PAGE_SIZE,
              ...(filters.cursor !== undefined ? { cursor: filters.cursor } : {}),
              ...(filters.q !== undefined ? { q: filters.q } : {}),
              ...(filters.tag.length > 0 ? { tag: filters.tag } : {}),
              ...(filters.status !== undefined ? { status: filters.status } : {}),
              ...(filters.evaluation_template_id !== undefined ? { evaluation_template_id: filters.evaluation_template_id } : {}),
            },
          },
        }),
      ),
  });

  const templateNames = useMemo(() => new Map((templates.data ?? []).map((t) => [t.id, t.template_name])), [templates.data]);
  const filtered = filters.q !== undefined || filters.tag.length > 0 || filters.status !== undefined || filters.evaluation_template_id !== undefined;
  const rows = list.data?.data;
  const start = previous.length * PAGE_SIZE + 1;
  const exportHref = `/api/v1/participants/export?${new URLSearchParams([
    ['accountSlug', account.slug],
    ...participantFilterQuery(filters),
  ]).toString()}`;

  const goNext = () => {
    const cursor = list.data?.meta.next_cursor;
    if (cursor === null || cursor === undefined) return;
    setPrevious((stack) => [...stack, filters.cursor ?? '']);
    const next = new URLSearchParams(params);
    next.set('cursor', cursor);
    setParams(next);
  };
  const goPrevious = () => {
    const stack = [...previous];
    const cursor = stack.pop() ?? '';
    setPrevious(stack);
    const next = new URLSearchParams(params);
    if (cursor === '') next.delete('cursor');
    else next.set('cursor', cursor);
    setParams(next);
  };

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
        <div className="toolbar" role="search">
          <SearchField id="participant-search" placeholder="Name or email" value={search} onChange={setSearch} />
          <SelectField
            label="Template"
            value={filters.evaluation_template_id ?? ''}
            onChange={(event) => update({ template: event.target.value })}
          >
            <option value="">All templates</option>
            {(templates.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.template_name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Status" value={filters.status ?? ''} onChange={(event) => update({ status: event.target.value })}>
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </SelectField>
          <div className="field" style={{ flex: '1 1 220px' }}>
            <TagInput label="Tags" value={filters.tag} onChange={(tag) => update({ tag })} maxTags={10} placeholder="Filter by tag" />
          </div>
          {filtered ? (
            <Button
              variant="ghost"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              Clear filters
            </Button>
          ) : null}
        </div>
        {list.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.error} title="Participants could not be loaded" />
          </div>
        ) : rows !== undefined && rows.length === 0 && filters.cursor === undefined ? (
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
            <div className="table-wrap">
              <table
                className="table table-cards"
                aria-busy={list.isFetching}
                style={list.isPlaceholderData ? { opacity: 0.6 } : undefined}
              >
                <caption className="visually-hidden">Participants</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Template</th>
                    <th scope="col">Tags</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {rows === undefined ? (
                    <SkeletonRows columns={6} />
                  ) : (
                    rows.map((p) => {
                      const to = `${account.base}/participants/${p.id}`;
                      return (
                        <tr key={p.id} className="row-link" onClick={() => void navigate(to)}>
                          <td className="cell-title">
                            <Link className="cell-primary" to={to} onClick={(e) => e.stopPropagation()}>
                              {p.name}
                            </Link>
                            {p.external_id !== null ? <div className="subtle">{p.external_id}</div> : null}
                          </td>
                          <td data-label="Email" className="cell-muted">
                            {p.email}
                          </td>
                          <td data-label="Template">
                            {p.evaluation_template_id === null ? (
                              <span className="cell-muted">—</span>
                            ) : (
                              (templateNames.get(p.evaluation_template_id) ?? <span className="cell-muted">…</span>)
                            )}
                          </td>
                          <td data-label="Tags">
                            {p.tags.length === 0 ? (
                              <span className="cell-muted">—</span>
                            ) : (
                              <span className="tags">
                                {p.tags.map((t) => (
                                  <Badge key={t} tone="brand">
                                    {t}
                                  </Badge>
                                ))}
                              </span>
                            )}
                          </td>
                          <td data-label="Status">
                            <StatusBadge status={p.status} />
                          </td>
                          <td data-label="Created" className="cell-muted cell-nowrap">
                            {formatDate(p.created_at)}
                          </td>
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              summary={
                rows === undefined || list.isPlaceholderData
                  ? 'Loading…'
                  : rows.length === 0
                    ? 'No more participants'
                    : `Showing ${start.toLocaleString()}–${(start + rows.length - 1).toLocaleString()}`
              }
              hasPrevious={filters.cursor !== undefined}
              hasNext={list.data?.meta.has_more === true}
              busy={list.isFetching}
              onPrevious={goPrevious}
              onNext={goNext}
            />
          </>
        )}
      </section>
      <AddParticipantDialog open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

export function StatusBadge({ status }: { status: ParticipantStatus }) {
  return status === 'active' ? (
    <Badge tone="green" dot>
      Active
    </Badge>
  ) : (
    <Badge tone="gray" dot>
      Archived
    </Badge>
  );
}
