import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../auth/AccountContext';
import { useApi } from './ApiContext';
import { unwrap } from './client';
import type { SessionStatus } from './models';

export const sessionKeys = {
  all: (slug: string) => [slug, 'sessions'] as const,
  list: (slug: string, filters: SessionListFilters) => [slug, 'sessions', 'list', filters] as const,
  one: (slug: string, id: string) => [slug, 'sessions', 'one', id] as const,
  timeline: (slug: string, participantId: string) => [slug, 'sessions', 'timeline', participantId] as const,
};

export const outboxKeys = {
  all: (slug: string) => [slug, 'outbox'] as const,
  list: (slug: string, filters: Record<string, string | number | undefined>) => [slug, 'outbox', 'list', filters] as const,
  delivery: (slug: string) => [slug, 'outbox', 'delivery'] as const,
};

export interface SessionListFilters {
  status?: SessionStatus;
  evaluation_template_id?: string;
  stage?: string;
  candidate_id?: string;
  scheduled_after?: string;
  scheduled_before?: string;
  page: number;
  pageSize?: number;
}

/** How the server delivers mail: the Outbox is shown only when it keeps messages instead of sending them. */
export function useMailDelivery() {
  const api = useApi();
  const { slug } = useAccount();
  return useQuery({
    queryKey: outboxKeys.delivery(slug),
    staleTime: 10 * 60_000,
    queryFn: async () => (await unwrap(api.GET('/api/v1/outbox/status', { params: { query: { accountSlug: slug } } }))).data,
  });
}
