import { Type, type Static } from 'typebox';
import { AccountSlugQuery, Nullable, PaginationQuery, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';
import { MAIL_KINDS } from '../../mail/mail.service.js';

export const OutboxMessageSchema = Type.Object(
  {
    id: Uuid,
    to: Type.String({ description: 'The recipient.' }),
    subject: Type.String(),
    kind: StringEnum(MAIL_KINDS),
    session_id: Nullable(Uuid),
    created_at: Timestamp,
    text: Type.String({ description: 'The plain-text part.' }),
    html: Type.String({ description: 'The HTML part.' }),
    ics: Nullable(Type.String({ description: 'The calendar invitation (text/calendar), when the message carries one.' })),
  },
  { $id: 'OutboxMessage' },
);

export const OutboxListQuery = Type.Object(
  {
    ...AccountSlugQuery,
    ...PaginationQuery,
    to: Type.Optional(Type.String({ maxLength: 254, description: 'Recipient address (exact).' })),
    session_id: Type.Optional(Uuid),
    kind: Type.Optional(StringEnum(MAIL_KINDS)),
  },
  { additionalProperties: false },
);

export type OutboxListQueryType = Static<typeof OutboxListQuery>;

export const MailDeliverySchema = Type.Object(
  {
    delivery: StringEnum(['smtp', 'outbox'] as const, { description: '`outbox` when no SMTP server is configured.' }),
    from: Type.String({ description: 'The sender of every message (MAIL_FROM).' }),
  },
  { $id: 'MailDelivery' },
);
