import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';
import {
  AccountSlugQuery,
  IssueSchema,
  NO_CONTROL_CHARS,
  Name,
  Nullable,
  PaginationQuery,
  StringEnum,
  Timestamp,
  Uuid,
} from '../../http/schemas.js';
import { CREATED_AT_KEY } from '../../lib/pagination.js';

export const PARTICIPANT_STATUSES = ['active', 'archived'] as const;
export const RESUME_STATUSES = ['pending', 'ready', 'failed'] as const;
/** Why a resume could not be read (SPEC §7). */
export const RESUME_ERROR_CODES = [
  'blocked_address',
  'http_error',
  'too_large',
  'timeout',
  'unsupported_type',
  'empty_text',
  'extraction_failed',
] as const;
export type ResumeErrorCode = (typeof RESUME_ERROR_CODES)[number];
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** The columns a CSV import reads (SPEC §4); the dashboard takes them from the OpenAPI document. */
export const IMPORT_COLUMNS = [
  'name',
  'email',
  'evaluation_template_id',
  'template_name',
  'external_id',
  'phone',
  'tags',
  'resume_url',
  'title',
  'organization',
  'experience_level',
  'location',
  'status',
] as const;

export const MAX_TAGS = 50;
export const MAX_BULK_ITEMS = 500;
export const MAX_IMPORT_ROWS = 50_000;
export const BULK_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/** Tags hold no control characters, and no `;` or `|`: those separate tags in a CSV cell. */
const TAG_PATTERN = '^[^\\u0000-\\u001F\\u007F;|]*$';

const Tag = Type.String({ minLength: 1, maxLength: 64, pattern: TAG_PATTERN });
const Email = Type.String({ format: 'email', maxLength: 254, description: 'A valid address; the invite goes here.' });
const ResumeUrl = Type.String({
  format: 'uri',
  maxLength: 2048,
  // No user name or password before the host: credentials do not belong in a link that is stored and shown.
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@]+(?:[/?#]|$)',
  description: 'http(s) URL of the resume, without credentials; fetched and read in the background (https, or http to hosts on OUTBOUND_ALLOW).',
});
const ProfileText = Nullable(Name(200));

const Profile = Type.Object(
  {
    title: Type.Optional(ProfileText),
    organization: Type.Optional(ProfileText),
    experienceLevel: Type.Optional(ProfileText),
    location: Type.Optional(ProfileText),
  },
  { additionalProperties: false, description: 'Basic information for the interviewer. `null` values are dropped.' },
);

const Background = Type.Object(
  {
    skills: Type.Optional(Type.Array(Name(100), { maxItems: 100 })),
    education: Type.Optional(Nullable(Name(1000))),
    languages: Type.Optional(Type.Array(Name(100), { maxItems: 50 })),
  },
  { additionalProperties: false, description: 'More detail for the interviewer. `null` values are dropped.' },
);

const Metadata = Type.Record(Type.String(), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: NO_CONTROL_CHARS },
  description: 'Your own key–value pairs: up to 50 keys of 1–40 characters, string values up to 500 characters.',
});

/** Every writable field; optional ones accept `null` (= none). */
const writableFields = {
  name: Name(200, { description: 'Full name, 1–200 characters.' }),
  email: Email,
  evaluation_template_id: Type.Optional(
    Nullable(Type.String({ format: 'uuid', description: 'A template of the same account (404 otherwise).' })),
  ),
  external_id: Type.Optional(Nullable(Name(255, { description: 'Your id for this person (ATS, LMS, app); echoed in every webhook.' }))),
  phone: Type.Optional(Nullable(Name(40))),
  tags: Type.Optional(
    Nullable(
      Type.Array(Tag, {
        maxItems: MAX_TAGS,
        description: 'Up to 50 tags of 1–64 characters; trimmed, case-insensitive duplicates dropped (the first is kept).',
      }),
    ),
  ),
  profile: Type.Optional(Nullable(Profile)),
  background: Type.Optional(Nullable(Background)),
  resume_url: Type.Optional(Nullable(ResumeUrl)),
  metadata: Type.Optional(Nullable(Metadata)),
  status: Type.Optional(StringEnum(PARTICIPANT_STATUSES, { description: 'Default `active`.' })),
};

const EXAMPLE_TEMPLATE_ID = 'ce1cd564-8f3a-4b6e-9c21-5d7e0a2b4f68';

/** The published example and the three use cases (hiring, training, mock interview). */
export const CREATE_EXAMPLES = [
  {
    name: 'Jane Smith',
    email: 'jane@example.com',
    external_id: 'greenhouse-8821',
    evaluation_template_id: EXAMPLE_TEMPLATE_ID,
    profile: { title: 'Software Engineer', experienceLevel: 'senior' },
  },
  {
    name: 'Jane Smith',
    email: 'jane@example.com',
    external_id: 'greenhouse-8821',
    evaluation_template_id: EXAMPLE_TEMPLATE_ID,
    profile: { title: 'Software Engineer', experienceLevel: 'senior' },
    resume_url: 'https://files.example.com/jane-resume.pdf',
    tags: ['senior', 'backend'],
  },
  {
    name: 'Carlos Reyes',
    email: 'carlos@yourco.com',
    external_id: 'workday-44120',
    evaluation_template_id: EXAMPLE_TEMPLATE_ID,
    profile: { title: 'Account Executive', organization: 'West Region' },
    tags: ['q3-cohort'],
  },
  {
    name: 'Priya Patel',
    email: 'priya@student.edu',
    external_id: 'user_98213',
    evaluation_template_id: EXAMPLE_TEMPLATE_ID,
    profile: { title: 'New Grad', experienceLevel: 'entry' },
  },
];

export const ParticipantCreateBody = Type.Object(writableFields, {
  additionalProperties: false,
  description: 'Name and email are required. Strings are trimmed; unknown fields are rejected.',
  examples: CREATE_EXAMPLES,
});

export const ParticipantPatchBody = Type.Object(
  { ...Type.Partial(Type.Object(writableFields)).properties },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      'Any field. `tags` replaces the list; `profile`, `background` and `metadata` replace the whole object; `null` clears an optional field.',
    examples: [{ tags: ['senior', 'onsite'], profile: { title: 'Staff Engineer' } }, { phone: null, status: 'archived' }],
  },
);

// Response schemas use `type: [T, "null"]` rather than anyOf: the compiled serializer then
// writes nullable fields without trying each branch.
function orNull<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const type = (schema as unknown as { type: string }).type;
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
}

const NullableText = orNull(Type.String());

const ProfileOut = Type.Object(
  {
    title: Type.Optional(Type.String()),
    organization: Type.Optional(Type.String()),
    experienceLevel: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const BackgroundOut = Type.Object(
  {
    skills: Type.Optional(Type.Array(Type.String())),
    education: Type.Optional(Type.String()),
    languages: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const ResumeErrorSchema = Type.Object(
  {
    code: StringEnum(RESUME_ERROR_CODES),
    message: Type.String(),
  },
  { additionalProperties: false },
);

export const ResumeOut = Type.Object(
  {
    status: StringEnum(RESUME_STATUSES),
    error: Type.Optional(ResumeErrorSchema),
    fetched_at: Type.Optional(Timestamp),
    characters: Type.Optional(Type.Integer({ description: 'Characters of text read (at most 200,000).' })),
    content_type: Type.Optional(Type.String({ description: 'The type identified from the bytes, e.g. `application/pdf`.' })),
  },
  {
    additionalProperties: false,
    description:
      'Present when resume_url is set; the resume is fetched and read in the background. `error` says why a `failed` one could not be read.',
  },
);

export const ParticipantSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    email: Type.String(),
    evaluation_template_id: orNull(Type.String({ format: 'uuid' })),
    external_id: NullableText,
    phone: NullableText,
    tags: Type.Array(Type.String()),
    profile: orNull(ProfileOut),
    background: orNull(BackgroundOut),
    resume_url: NullableText,
    resume: orNull(ResumeOut),
    metadata: Type.Record(Type.String(), Type.String()),
    status: StringEnum(PARTICIPANT_STATUSES),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  {
    $id: 'Participant',
    examples: [
      {
        id: '0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20',
        name: 'Jane Smith',
        email: 'jane@example.com',
        evaluation_template_id: EXAMPLE_TEMPLATE_ID,
        external_id: 'greenhouse-8821',
        phone: null,
        tags: ['senior', 'backend'],
        profile: { title: 'Software Engineer', experienceLevel: 'senior' },
        background: null,
        resume_url: 'https://files.example.com/jane-resume.pdf',
        resume: { status: 'pending' },
        metadata: {},
        status: 'active',
        created_at: '2026-01-31T12:00:00.000Z',
        updated_at: '2026-01-31T12:00:00.000Z',
      },
    ],
  },
);

const filterFields = {
  tag: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      maxItems: 10,
      description: 'Repeatable (`tag=a&tag=b`); a participant must have all of them. Case-insensitive.',
    }),
  ),
  evaluation_template_id: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(StringEnum(PARTICIPANT_STATUSES)),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: 'Exact, case-insensitive.' })),
  external_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Exact.' })),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: NO_CONTROL_CHARS, description: 'Case-insensitive match within name or email.' }),
  ),
  created_after: Type.Optional(Type.String({ format: 'date-time', description: 'Created at or after this time (inclusive).' })),
  created_before: Type.Optional(Type.String({ format: 'date-time', description: 'Created before this time (exclusive).' })),
  updated_after: Type.Optional(
    Type.String({ format: 'date-time', description: 'Updated at or after this time (inclusive): incremental sync.' }),
  ),
};

/** `<field>:<direction>`; ties are broken by id in the same direction. */
export const PARTICIPANT_SORTS = ['created_at:desc', 'created_at:asc', 'name:asc', 'name:desc', 'status:asc', 'status:desc'] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

const sortField = {
  sort: Type.Optional(
    StringEnum(PARTICIPANT_SORTS, {
      description:
        'Order of the list: `created_at:desc` (newest first, the default), `created_at:asc`, `name:asc|desc` (case-insensitive, then email), `status:asc|desc`. Ties are broken by id. In cursor mode the cursor keeps the order of the first request.',
    }),
  ),
};

/** What a cursor's sort value must be in each order (anything else is `invalid_cursor`). */
const NAME_SORT_KEY = Type.String({ minLength: 1, maxLength: 1000, description: 'search_text of the last row' });
const STATUS_SORT_KEY = StringEnum(PARTICIPANT_STATUSES);

export function participantSortKeySchema(carried: Record<string, unknown>): TSchema {
  const sort = carried['sort'];
  if (typeof sort !== 'string' || sort.startsWith('created_at:')) return CREATED_AT_KEY;
  return sort.startsWith('name:') ? NAME_SORT_KEY : STATUS_SORT_KEY;
}

export const ParticipantListQuery = Type.Object(
  { ...PaginationQuery, ...AccountSlugQuery, ...filterFields, ...sortField },
  { additionalProperties: false },
);

export const ParticipantExportQuery = Type.Object({ ...AccountSlugQuery, ...filterFields, ...sortField }, { additionalProperties: false });

/** Filters in their canonical form (also what a cursor carries). */
export interface ParticipantFilters {
  tag?: string[] | undefined;
  evaluation_template_id?: string | undefined;
  status?: string | undefined;
  email?: string | undefined;
  external_id?: string | undefined;
  q?: string | undefined;
  created_after?: string | undefined;
  created_before?: string | undefined;
  updated_after?: string | undefined;
  /** Absent for the default order (newest first), so cursors issued before sorting existed still read. */
  sort?: ParticipantSort | undefined;
}

export const BulkBody = Type.Object(
  {
    participants: Type.Array(
      Type.Unsafe<unknown>({
        description: 'A participant with the fields of `POST /participants`. Each item is validated on its own.',
      }),
      { description: 'Up to 500 participants (more → 400, nothing created).' },
    ),
    accountSlug: Type.Optional(Type.String({ maxLength: 48 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        participants: [
          CREATE_EXAMPLES[1],
          CREATE_EXAMPLES[2],
          { name: 'Jane Smith (again)', email: 'JANE@example.com', evaluation_template_id: EXAMPLE_TEMPLATE_ID },
          { name: 'No email' },
        ],
      },
    ],
  },
);

export const ItemResult = Type.Object(
  {
    index: Type.Integer({ description: 'Position in the request (bulk, from 0) or row number in the file (import, header = row 1).' }),
    line: Type.Optional(Type.Integer({ description: 'Import: the line of the file where the row starts.' })),
    status: StringEnum(['created', 'skipped', 'failed'] as const),
    id: Type.Optional(Uuid),
    existing_id: Type.Optional(Uuid),
    issues: Type.Optional(Type.Array(IssueSchema)),
  },
  { additionalProperties: false },
);

export const BatchReport = Type.Object({
  created: Type.Integer(),
  skipped: Type.Integer(),
  failed: Type.Integer(),
  dry_run: Type.Optional(Type.Boolean()),
  results: Type.Array(ItemResult),
});

export const ImportReport = Type.Object({
  ...BatchReport.properties,
  columns: Type.Array(StringEnum(IMPORT_COLUMNS), {
    description: 'The columns of the file that were read, in file order (other known columns such as `id` are ignored).',
  }),
});

export const ImportQuery = Type.Object(
  {
    ...AccountSlugQuery,
    dry_run: Type.Optional(Type.Boolean({ description: 'Validate and report without writing.' })),
    evaluation_template_id: Type.Optional(
      Type.String({ format: 'uuid', description: "Put every row in this template, whatever the file's template columns say." }),
    ),
    template_name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Like evaluation_template_id, by name (case-insensitive).' }),
    ),
  },
  { additionalProperties: false },
);

export type ParticipantCreate = Static<typeof ParticipantCreateBody>;
export type ParticipantPatch = Static<typeof ParticipantPatchBody>;
export type Participant = Static<typeof ParticipantSchema>;
export type Profile = NonNullable<Participant['profile']>;
export type Background = NonNullable<Participant['background']>;
export type Resume = NonNullable<Participant['resume']>;
export type ResumeError = Static<typeof ResumeErrorSchema>;
export type ItemOutcome = Static<typeof ItemResult>;
export type BatchOutcome = Static<typeof BatchReport>;
export type ImportOutcome = Static<typeof ImportReport>;
export type ParticipantListParams = Static<typeof ParticipantListQuery>;
export type ParticipantExportParams = Static<typeof ParticipantExportQuery>;

/** Ids of one bulk action: 1–500 participants of the account. */
const BulkIds = Type.Array(Uuid, {
  minItems: 1,
  maxItems: MAX_BULK_ITEMS,
  description: 'Up to 500 participant ids (more → 400, nothing changed). Ids of other accounts or of no participant are reported as `not_found`.',
});

export const BulkUpdateBody = Type.Object(
  {
    ids: BulkIds,
    changes: Type.Object(
      {
        status: Type.Optional(StringEnum(PARTICIPANT_STATUSES, { description: 'Archive (`archived`) or unarchive (`active`).' })),
        evaluation_template_id: Type.Optional(
          Nullable(Type.String({ format: 'uuid', description: 'Move to this template of the account (404 otherwise); `null` for none.' })),
        ),
        add_tags: Type.Optional(Type.Array(Tag, { minItems: 1, maxItems: MAX_TAGS, description: 'Tags to add (case-insensitive duplicates are not added twice).' })),
        remove_tags: Type.Optional(Type.Array(Tag, { minItems: 1, maxItems: MAX_TAGS, description: 'Tags to remove, case-insensitive.' })),
      },
      { additionalProperties: false, minProperties: 1, description: 'What to change on every participant; at least one field.' },
    ),
    accountSlug: Type.Optional(Type.String({ maxLength: 48 })),
  },
  {
    additionalProperties: false,
    examples: [
      { ids: ['0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20'], changes: { status: 'archived' } },
      { ids: ['0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20'], changes: { add_tags: ['q3-cohort'], remove_tags: ['backlog'] } },
      { ids: ['0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20'], changes: { evaluation_template_id: EXAMPLE_TEMPLATE_ID } },
    ],
  },
);

export const BulkIdsBody = Type.Object(
  { ids: BulkIds, accountSlug: Type.Optional(Type.String({ maxLength: 48 })) },
  { additionalProperties: false, examples: [{ ids: ['0195d3a2-7c41-7e0b-8f1a-3b5c7d9e1f20'] }] },
);

export const BULK_ACTION_STATUSES = ['updated', 'deleted', 'unchanged', 'not_found', 'failed'] as const;

export const BulkActionResult = Type.Object(
  {
    index: Type.Integer({ description: 'Position of the id in the request, from 0.' }),
    id: Type.String(),
    status: StringEnum(BULK_ACTION_STATUSES, {
      description: '`updated` / `deleted`: done, with its event; `unchanged`: already so, nothing written; `not_found`: no such participant in the account; `failed`: see `issues`.',
    }),
    existing_id: Type.Optional(Uuid),
    issues: Type.Optional(Type.Array(IssueSchema)),
  },
  { additionalProperties: false },
);

export const BulkActionReport = Type.Object(
  {
    changed: Type.Integer({ description: 'Participants updated or deleted.' }),
    unchanged: Type.Integer(),
    not_found: Type.Integer(),
    failed: Type.Integer(),
    results: Type.Array(BulkActionResult, { description: 'One per id, in the order of the request.' }),
  },
  { additionalProperties: false },
);

export type BulkChanges = Static<typeof BulkUpdateBody>['changes'];
export type BulkActionOutcome = Static<typeof BulkActionResult>;
export type BulkActionSummary = Static<typeof BulkActionReport>;
