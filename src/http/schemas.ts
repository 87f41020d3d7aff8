/**
 * Schema building blocks shared by every module. Schemas are declared once per route and
 * drive validation, handler types, response serialisation and the OpenAPI document.
 */
import { Type, type TSchema, type TUnsafe } from 'typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'UUID (version 7, time-ordered).' });
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO-8601 UTC timestamp.' });

/** A string enum rendered as `{ type: string, enum: [...] }` (clean OpenAPI, fast serialiser). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** Single-line text: no control characters (tabs, newlines, NUL …). */
export const NO_CONTROL_CHARS = '^[^\\u0000-\\u001F\\u007F]*$';

export function Name(maxLength: number, options: { minLength?: number; description?: string } = {}) {
  return Type.String({ minLength: options.minLength ?? 1, maxLength, pattern: NO_CONTROL_CHARS, ...options });
}

export const IssueSchema = Type.Object({
  path: Type.String(),
  message: Type.String(),
  code: Type.String(),
});

export const ErrorBody = Type.Object(
  {
    error: Type.String({ description: 'A human sentence.' }),
    code: Type.String({ description: 'Stable machine-readable code.' }),
    issues: Type.Array(IssueSchema),
    request_id: Type.String(),
    existing_id: Type.Optional(Type.String()),
  },
  { $id: 'Error', additionalProperties: true },
);

export function DataEnvelope<T extends TSchema>(data: T) {
  return Type.Object({ data });
}

export const PageMeta = Type.Object({
  page: Type.Optional(Type.Integer()),
  pageSize: Type.Optional(Type.Integer()),
  total: Type.Optional(Type.Integer()),
  totalPages: Type.Optional(Type.Integer()),
  next_cursor: Type.Optional(Nullable(Type.String())),
  has_more: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer()),
});

export function ListEnvelope<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), meta: PageMeta });
}

/** Query parameters of both pagination modes: `page`/`pageSize`, or `limit`/`cursor`. */
export const PaginationQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: '1-based page number.' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Items per page (default 25).' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Cursor mode: items per page.' })),
  cursor: Type.Optional(Type.String({ maxLength: 2048, description: 'Cursor mode: `meta.next_cursor` of the previous page.' })),
};

export const AccountSlugQuery = {
  accountSlug: Type.Optional(
    Type.String({ maxLength: 48, description: 'Optional with an API key (must match its account); required with a dashboard session.' }),
  ),
};

export const IdParams = Type.Object({ id: Uuid });

/** Standard error responses a protected route can give. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  const out: Record<number, typeof ErrorBody> = {};
  for (const status of [400, 401, 403, 429, ...statuses]) out[status] = ErrorBody;
  return out;
}

/** The schema keyword that marks a response field as a secret (see Secret). */
export const SECRET_FIELD = 'x-docket-secret';

/**
 * A secret in a response, shown exactly once (an API key, a webhook signing secret): it is never
 * stored, so the replay of the response for the same Idempotency-Key answers without it. The
 * field is therefore optional in the schema; the OpenAPI document says so.
 */
export function Secret(options: { description: string }) {
  return Type.Optional(
    Type.String({
      ...options,
      description: `${options.description} Shown once: absent when the response is an idempotent replay (\`Idempotent-Replayed: true\`); the secret cannot be shown again.`,
      [SECRET_FIELD]: true,
    }),
  );
}

export const NoContent = Type.Unsafe<undefined>({ type: 'null', description: 'No content.' });
