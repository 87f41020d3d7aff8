import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../auth/AccountContext';
import { useApi } from './ApiContext';
import { unwrap } from './client';
import type { Template } from './models';

export const templateKeys = {
  all: (slug: string) => [slug, 'templates'] as const,
  list: (slug: string, filters: Record<string, string | number | undefined>) => [slug, 'templates', 'list', filters] as const,
  every: (slug: string) => [slug, 'templates', 'every'] as const,
  one: (slug: string, id: string) => [slug, 'templates', 'one', id] as const,
};

/**
 * Every template of the team (for pickers and for showing names in other lists), read page
 * by page in cursor mode. `fresh` reads the list again when the component mounts.
 */
export function useAllTemplates(options: { fresh?: boolean } = {}) {
  const api = useApi();
  const { slug } = useAccount();
  return useQuery({
    queryKey: templateKeys.every(slug),
    staleTime: 60_000,
    ...(options.fresh === true ? { refetchOnMount: 'always' as const } : {}),
    queryFn: async () => {
      const all: Template[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/evaluation-templates', { params: { query: { accountSlug: slug, limit: 100, ...(cursor !== undefined ? { cursor } : {}) } } }),
        );
        all.push(...result.data);
        const next = result.meta.next_cursor;
        if (result.meta.has_more !== true || next === null || next === undefined) break;
        cursor = next;
      }
      return all.sort((a, b) => a.template_name.localeCompare(b.template_name));
    },
  });
}

export function useTemplate(id: string | undefined) {
  const api = useApi();
  const { slug } = useAccount();
  return useQuery({
    queryKey: templateKeys.one(slug, id ?? ''),
    enabled: id !== undefined,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/evaluation-templates/{id}', { params: { path: { id: id ?? '' }, query: { accountSlug: slug } } }))).data,
  });
}
