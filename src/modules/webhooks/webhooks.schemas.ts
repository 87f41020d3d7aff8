import { Type } from 'typebox';
import { AccountSlugQuery, Nullable, NO_CONTROL_CHARS, Secret, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from './webhooks.service.js';

const EventChoice = StringEnum([ALL_EVENTS, ...WEBHOOK_EVENT_TYPES] as const);

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'https URL (http only to targets on OUTBOUND_ALLOW).' });
const Description = Type.String({ maxLength: 500, pattern: NO_CONTROL_CHARS });
const Events = Type.Array(EventChoice, {
  maxItems: WEBHOOK_EVENT_TYPES.length + 1,
  uniqueItems: true,
  description: 'Event types to receive; `["*"]` (or omitted, or empty) for every type.',
});

export const WebhookEndpointSchema = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    description: Nullable(Type.String()),
    events: Type.Array(Type.String(), { description: '`["*"]`: every event type.' }),
    enabled: Type.Boolean(),
    status: StringEnum(['enabled', 'disabled'] as const),
    disabled_reason: Nullable(Type.String()),
    previous_secret_expires_at: Nullable(Timestamp),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'WebhookEndpoint' },
);

export const CreatedWebhookEndpointSchema = Type.Object({
  ...WebhookEndpointSchema.properties,
  secret: Secret({ description: 'The signing secret (`whsec_` + base64 of 32 bytes).' }),
});

export const WebhookEndpointCreateBody = Type.Object(
  {
    url: Url,
    description: Type.Optional(Nullable(Description)),
    events: Type.Optional(Events),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const WebhookEndpointPatchBody = Type.Object(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Nullable(Description)),
    events: Type.Optional(Events),
    enabled: Type.Optional(Type.Boolean({ description: 'true re-enables a disabled endpoint.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const PageOnly = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: '1-based page number.' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Items per page (default 25).' })),
};

export const WebhookEndpointListQuery = Type.Object({ ...PageOnly, ...AccountSlugQuery }, { additionalProperties: false });

export const DeliveryStatus = StringEnum(['pending', 'succeeded', 'failed'] as const);

export const WebhookDeliveryListQuery = Type.Object(
  {
    ...PageOnly,
    ...AccountSlugQuery,
    status: Type.Optional(DeliveryStatus),
    event: Type.Optional(StringEnum(WEBHOOK_EVENT_TYPES)),
  },
  { additionalProperties: false },
);

export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid,
    endpoint_id: Uuid,
    event_id: Type.String({ description: 'The event id: the `webhook-id` header of every attempt.' }),
    event: Type.String(),
    status: DeliveryStatus,
    attempts: Type.Integer(),
    last_status_code: Nullable(Type.Integer()),
    last_error: Nullable(Type.String()),
    next_attempt_at: Nullable(Timestamp),
    delivered_at: Nullable(Timestamp),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'WebhookDelivery' },
);

export const WebhookAttemptSchema = Type.Object(
  {
    id: Uuid,
    attempted_at: Timestamp,
    status_code: Nullable(Type.Integer()),
    latency_ms: Type.Integer(),
    error: Nullable(Type.String()),
    response_body: Nullable(Type.String({ description: 'The first 1 KiB of the response body.' })),
  },
  { $id: 'WebhookAttempt' },
);

export const WebhookDeliveryDetailSchema = Type.Object({
  ...WebhookDeliverySchema.properties,
  body: Nullable(Type.String({ description: 'The request body, exactly as sent and signed.' })),
  attempts_log: Type.Array(WebhookAttemptSchema),
});

export const WebhookRecoverBody = Type.Object(
  { since: Type.String({ format: 'date-time', description: 'Every failed delivery created at or after this time is sent again.' }) },
  { additionalProperties: false },
);

export const WebhookRecoverResult = Type.Object({ replayed: Type.Integer() });
