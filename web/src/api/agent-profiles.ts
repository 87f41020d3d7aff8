import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../auth/AccountContext';
import { useApi } from './ApiContext';
import { unwrap } from './client';
import type { AgentProfile } from './models';

export const agentProfileKeys = {
  all: (slug: string) => [slug, 'agent-profiles'] as const,
  list: (slug: string, filters: Record<string, string | number | undefined>) => [slug, 'agent-profiles', 'list', filters] as const,
  every: (slug: string) => [slug, 'agent-profiles', 'every'] as const,
  one: (slug: string, id: string) => [slug, 'agent-profiles', 'one', id] as const,
};

/** Every agent profile of the team, by name (for pickers and for naming profiles in other pages). */
export function useAllAgentProfiles() {
  const api = useApi();
  const { slug } = useAccount();
  return useQuery({
    queryKey: agentProfileKeys.every(slug),
    staleTime: 60_000,
    queryFn: async () => {
      const all: AgentProfile[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/agent-profiles', { params: { query: { accountSlug: slug, limit: 100, ...(cursor !== undefined ? { cursor } : {}) } } }),
        );
        all.push(...result.data);
        const next = result.meta.next_cursor;
        if (result.meta.has_more !== true || next === null || next === undefined) break;
        cursor = next;
      }
      return all.sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

export function useAgentProfile(id: string | undefined) {
  const api = useApi();
  const { slug } = useAccount();
  return useQuery({
    queryKey: agentProfileKeys.one(slug, id ?? ''),
    enabled: id !== undefined,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/agent-profiles/{id}', { params: { path: { id: id ?? '' }, query: { accountSlug: slug } } }))).data,
  });
}
