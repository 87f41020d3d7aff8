import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import {
  PARTICIPANT_SORT_FIELDS,
  participantKeys,
  readParticipantFilters,
  type ParticipantListFilters,
  type ParticipantSortField,
} from '../../api/participants';
import { useAccount } from '../../auth/AccountContext';
import { usePagedList, type PagedQuery } from '../../components/usePagedList';

type Query = PagedQuery<ParticipantListFilters, ParticipantSortField>;

/** The participants list of the page: filters, order and page in the URL, totals from the API. */
export function useParticipantList() {
  const api = useApi();
  const account = useAccount();
  return usePagedList({
    readFilters: readParticipantFilters,
    sortFields: PARTICIPANT_SORT_FIELDS,
    defaultSort: { field: 'created_at', direction: 'desc' },
    firstDirection: { created_at: 'desc' },
    queryKey: (query: Query) => participantKeys.list(account.slug, query),
    fetchPage: ({ filters, page, pageSize, sort }: Query) =>
      unwrap(
        api.GET('/api/v1/participants', {
          params: {
            query: {
              accountSlug: account.slug,
              page,
              pageSize,
              sort: `${sort.field}:${sort.direction}`,
              ...(filters.q !== undefined ? { q: filters.q } : {}),
              ...(filters.tag.length > 0 ? { tag: filters.tag } : {}),
              ...(filters.status !== undefined ? { status: filters.status } : {}),
              ...(filters.evaluation_template_id !== undefined ? { evaluation_template_id: filters.evaluation_template_id } : {}),
            },
          },
        }),
      ),
  });
}

export type ParticipantList = ReturnType<typeof useParticipantList>;
