import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type DataOf<T> = Json<T> extends { data: infer D } ? D : never;

export type Me = DataOf<paths['/api/auth/me']['get']['responses'][200]>;
export type AccountSummary = Me['accounts'][number];
export type Role = AccountSummary['role'];

export type Template = DataOf<paths['/api/v1/evaluation-templates/{id}']['get']['responses'][200]>;
export type Stage = Template['stages'][number];
export type TemplateCreateBody = Json<NonNullable<paths['/api/v1/evaluation-templates']['post']['requestBody']>>;
export type TemplatePatchBody = Json<NonNullable<paths['/api/v1/evaluation-templates/{id}']['patch']['requestBody']>>;
export type UseCase = Template['use_case'];
export type Difficulty = Template['default_difficulty'];
export type TemplateStatus = Template['status'];
export type AutomationRule = Stage['automation_rule'];

export type AgentProfile = DataOf<paths['/api/v1/agent-profiles/{id}']['get']['responses'][200]>;
export type AgentProfileCreateBody = Json<NonNullable<paths['/api/v1/agent-profiles']['post']['requestBody']>>;
export type AgentProfilePatchBody = Json<NonNullable<paths['/api/v1/agent-profiles/{id}']['patch']['requestBody']>>;
export type Dimension = AgentProfile['evaluationDimensions'][number];
export type Interaction = AgentProfile['interaction'];
export type Tone = Interaction['tone'];
export type InteractionStyle = Interaction['style'];
export type ProbingDepth = Interaction['probingDepth'];

export type ApiKey = DataOf<paths['/api/v1/api-keys/{id}/revoke']['post']['responses'][200]>;
export type CreatedApiKey = DataOf<paths['/api/v1/api-keys']['post']['responses'][201]>;
export type Scope = ApiKey['scopes'][number];

export type Member = DataOf<paths['/api/v1/members']['post']['responses'][201]>;

export type PageMeta = Json<paths['/api/v1/evaluation-templates']['get']['responses'][200]>['meta'];

export const ROLES: readonly Role[] = ['owner', 'admin', 'member', 'viewer'];
export const MANAGER_ROLES: readonly Role[] = ['owner', 'admin'];
export const WRITER_ROLES: readonly Role[] = ['owner', 'admin', 'member'];

export type Participant = DataOf<paths['/api/v1/participants/{id}']['get']['responses'][200]>;
export type ParticipantCreateBody = Json<NonNullable<paths['/api/v1/participants']['post']['requestBody']>>;
export type ParticipantPatchBody = Json<NonNullable<paths['/api/v1/participants/{id}']['patch']['requestBody']>>;
export type ParticipantStatus = Participant['status'];
export type ImportReport = DataOf<paths['/api/v1/participants/import']['post']['responses'][200]>;

export type Session = DataOf<paths['/api/v1/sessions/{id}']['get']['responses'][200]>;
export type SessionStatus = Session['status'];
export type SessionCreateBody = Json<NonNullable<paths['/api/v1/sessions']['post']['requestBody']>>;
export type TimelineItem = DataOf<paths['/api/v1/participants/{id}/timeline']['get']['responses'][200]>[number];
export type OutboxMessage = DataOf<paths['/api/v1/outbox/{id}']['get']['responses'][200]>;
export type MailDelivery = DataOf<paths['/api/v1/outbox/status']['get']['responses'][200]>;

export type WebhookEndpoint = DataOf<paths['/api/v1/webhook-endpoints/{id}']['get']['responses'][200]>;
export type CreatedWebhookEndpoint = DataOf<paths['/api/v1/webhook-endpoints']['post']['responses'][201]>;
export type WebhookDelivery = DataOf<paths['/api/v1/webhook-deliveries/{id}/replay']['post']['responses'][202]>;
export type WebhookDeliveryDetail = DataOf<paths['/api/v1/webhook-deliveries/{id}']['get']['responses'][200]>;
