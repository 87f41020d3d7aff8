import type { ParticipantStatus } from './models';

export const participantKeys = {
  all: (slug: string) => [slug, 'participants'] as const,
  list: (slug: string, query: unknown) => [slug, 'participants', 'list', query] as const,
  one: (slug: string, id: string) => [slug, 'participants', 'one', id] as const,
};

export interface ParticipantListFilters {
  q?: string;
  tag: string[];
  evaluation_template_id?: string;
  status?: ParticipantStatus;
}

export const PARTICIPANT_SORT_FIELDS = ['name', 'created_at', 'status'] as const;
export type ParticipantSortField = (typeof PARTICIPANT_SORT_FIELDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list's filters from the dashboard URL (`template` names the template filter there). */
export function readParticipantFilters(params: URLSearchParams): ParticipantListFilters {
  const status = params.get('status');
  const template = params.get('template');
  const q = params.get('q')?.trim();
  return {
    tag: params.getAll('tag').filter((t) => t.trim() !== ''),
    ...(q !== undefined && q !== '' ? { q } : {}),
    ...(status === 'active' || status === 'archived' ? { status } : {}),
    ...(template !== null && UUID.test(template) ? { evaluation_template_id: template } : {}),
  };
}

export function hasParticipantFilters(filters: ParticipantListFilters): boolean {
  return filters.q !== undefined || filters.tag.length > 0 || filters.status !== undefined || filters.evaluation_template_id !== undefined;
}

/** The query string of the list and the CSV export for the same filters. */
export function participantFilterQuery(filters: ParticipantListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== undefined) params.set('q', filters.q);
  for (const tag of filters.tag) params.append('tag', tag);
  if (filters.evaluation_template_id !== undefined) params.set('evaluation_template_id', filters.evaluation_template_id);
  if (filters.status !== undefined) params.set('status', filters.status);
  return params;
}
