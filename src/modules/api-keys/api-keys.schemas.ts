import { Type } from 'typebox';
import { SCOPES } from '../../lib/access.js';
import { AccountSlugQuery, Name, Nullable, PaginationQuery, Secret, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';

export const ScopeSchema = StringEnum(SCOPES);

export const ApiKeySchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    prefix: Type.String({ description: 'The first 12 characters of the secret, to recognise the key.' }),
    scopes: Type.Array(ScopeSchema),
    created_at: Timestamp,
    updated_at: Timestamp,
    last_used_at: Nullable(Timestamp),
    revoked_at: Nullable(Timestamp),
  },
  { $id: 'ApiKey' },
);

export const CreatedApiKeySchema = Type.Object({
  ...ApiKeySchema.properties,
  secret: Secret({ description: 'The full secret, at creation; only a hash of it is stored.' }),
});

export const ApiKeyCreateBody = Type.Object(
  {
    name: Name(100),
    scopes: Type.Optional(
      Type.Array(ScopeSchema, { maxItems: SCOPES.length, uniqueItems: true, description: 'Omitted or empty: all scopes.' }),
    ),
  },
  { additionalProperties: false },
);

export const ApiKeyListQuery = Type.Object(
  { page: PaginationQuery.page, pageSize: PaginationQuery.pageSize, ...AccountSlugQuery },
  { additionalProperties: false },
);
