export const participantKeys = {
  all: (slug: string) => [slug, 'participants'] as const,
  list: (slug: string, filters: ParticipantListFilters) => [slug, 'participants', 'list', filters] as const,
  one: (slug: string, id: string) => [slug, 'participants', 'one', id] as const,
};

export interface ParticipantListFilters {
  q?: string;
  tag: string[];
  evaluation_template_id?: string;
  status?: 'active' | 'archived';
  cursor?: string;
}

/** The query string of the list and the CSV export for the same filters. */
export function participantFilterQuery(filters: Omit<ParticipantListFilters, 'cursor'>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== undefined) params.set('q', filters.q);
  for (const tag of filters.tag) params.append('tag', tag);
  if (filters.evaluation_template_id !== undefined) params.set('evaluation_template_id', filters.evaluation_template_id);
  if (filters.status !== undefined) params.set('status', filters.status);
  return params;
}
