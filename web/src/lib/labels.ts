import type { AutomationRule, Template, Difficulty, InteractionStyle, OutboxMessage, ProbingDepth, Role, Scope, Session, SessionStatus, TemplateStatus, Tone, UseCase } from '../api/models';

// Records keyed by the API's enums: adding a value to the API without a label fails typecheck.

export const USE_CASE_LABELS: Record<UseCase, string> = {
  hiring: 'Hiring',
  admissions: 'Admissions',
  training: 'Training',
  custom_api: 'Custom (API)',
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  expert: 'Expert',
  adaptive: 'Adaptive',
};

export const TEMPLATE_STATUS_LABELS: Record<TemplateStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
};

export const TONE_LABELS: Record<Tone, string> = {
  friendly: 'Friendly',
  professional: 'Professional',
  strict: 'Strict',
  challenging: 'Challenging',
};

export const STYLE_LABELS: Record<InteractionStyle, string> = {
  structured: 'Structured',
  conversational: 'Conversational',
  adaptive: 'Adaptive',
};

export const PROBING_LABELS: Record<ProbingDepth, string> = {
  low: 'Low (1 follow-up per question)',
  medium: 'Medium (up to 2 follow-ups)',
  high: 'High (up to 3 follow-ups)',
};

export const AUTOMATION_RULE_LABELS: Record<AutomationRule, string> = {
  none: 'None',
  auto_advance: 'Advance automatically when passed',
  require_reviewer_approval: 'Require a reviewer’s approval',
};

export const ROLE_LABELS: Record<Role, { label: string; description: string }> = {
  owner: { label: 'Owner', description: 'Everything, including granting the owner role.' },
  admin: { label: 'Admin', description: 'Everything but the owner role: API keys, members, data.' },
  member: { label: 'Member', description: 'Reads and writes participants and templates.' },
  viewer: { label: 'Viewer', description: 'Reads only.' },
};

export const SCOPE_LABELS: Record<Scope, string> = {
  'candidates.read': 'Read participants',
  'candidates.write': 'Create and update participants',
  'candidates.delete': 'Delete participants',
  'interviews.read': 'Read sessions',
  'interviews.write': 'Book and run sessions',
  'evaluation_templates.read': 'Read evaluation templates',
  'evaluation_templates.write': 'Create and update evaluation templates',
  'webhooks.read': 'Read webhook endpoints',
  'webhooks.write': 'Manage webhook endpoints',
};

export function keysOf<K extends string>(record: Record<K, unknown>): K[] {
  return Object.keys(record) as K[];
}

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const INVITE_STATUS_LABELS: Record<NonNullable<Session['invite']>['status'], string> = {
  queued: 'Queued',
  sent: 'Sent',
  outbox: 'In the outbox',
  failed: 'Failed',
};

export const MAIL_KIND_LABELS: Record<OutboxMessage['kind'], string> = {
  invite: 'Invitation',
  update: 'Update',
  cancellation: 'Cancellation',
  reminder: 'Reminder',
  notice: 'Notice',
};

/** What a recommendation may say, by the template's success outcome (custom: the two below). */
export const RECOMMENDATION_CHOICES: Record<Template['success_outcome'], readonly string[]> = {
  hire_no_hire: ['hire', 'no_hire'],
  admit_reject: ['admit', 'reject'],
  pass_fail: ['pass', 'fail'],
  ready_needs_training: ['ready', 'needs_training'],
  certified_not_certified: ['certified', 'not_certified'],
  custom: ['recommended', 'not_recommended'],
};
