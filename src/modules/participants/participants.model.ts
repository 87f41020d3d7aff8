import type { ParticipantRow, ParticipantTagRow } from '../../db/schema.js';
import type { ErrorIssue } from '../../errors.js';
import { createBodyAjv, issuesFromAjv } from '../../lib/validation.js';
import {
  ParticipantCreateBody,
  type Background,
  type Participant,
  type ParticipantCreate,
  type ParticipantPatch,
  type Profile,
} from './participants.schemas.js';

/**
 * The participant's documented normalisation, and the one mapping between rows and API
 * objects. Strings arrive trimmed (JSON bodies are trimmed globally; CSV cells here); on top:
 * tags lose case-insensitive duplicates (the first spelling is kept), `null` members of
 * `profile` and `background` are dropped, an absent optional field reads back as `null`
 * (`tags` as `[]`, `metadata` as `{}`), `status` defaults to `active`, and template ids are
 * lower-cased.
 */

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

export function normaliseTags(tags: readonly string[] | null | undefined): string[] {
  if (tags === null || tags === undefined) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

type Nullish<T> = { [K in keyof T]?: T[K] | null | undefined };

function withoutNulls<T extends object>(value: Nullish<T> | null | undefined, keys: readonly (keyof T)[]): T | null {
  if (value === null || value === undefined) return null;
  const out: Partial<T> = {};
  for (const key of keys) {
    const inner = value[key];
    if (inner !== null && inner !== undefined) out[key] = inner as T[keyof T];
  }
  return out as T;
}

const PROFILE_KEYS = ['title', 'organization', 'experienceLevel', 'location'] as const;
const BACKGROUND_KEYS = ['skills', 'education', 'languages'] as const;

export function normaliseProfile(profile: Nullish<Profile> | null | undefined): Profile | null {
  return withoutNulls<Profile>(profile, PROFILE_KEYS);
}

export function normaliseBackground(background: Nullish<Background> | null | undefined): Background | null {
  return withoutNulls<Background>(background, BACKGROUND_KEYS);
}

/** The identity that must be unique within an account: template (or none) and email. */
export function identityKey(templateId: string | null, email: string): string {
  return `${templateId ?? ''}\n${normaliseEmail(email)}`;
}

/** A new participant from a validated create body. */
export function newParticipant(input: ParticipantCreate, id: string, now: string): Participant {
  const resumeUrl = input.resume_url ?? null;
  return {
    id,
    name: input.name,
    email: input.email,
    evaluation_template_id: input.evaluation_template_id?.toLowerCase() ?? null,
    external_id: input.external_id ?? null,
    phone: input.phone ?? null,
    tags: normaliseTags(input.tags),
    profile: normaliseProfile(input.profile),
    background: normaliseBackground(input.background),
    resume_url: resumeUrl,
    // Fetching the resume is a background job; until it has run the status is pending.
    resume: resumeUrl === null ? null : { status: 'pending' },
    metadata: input.metadata ?? {},
    status: input.status ?? 'active',
    created_at: now,
    updated_at: now,
  };
}

/** The participant after a validated PATCH: present fields replace, `null` clears. */
export function patchedParticipant(current: Participant, patch: ParticipantPatch, now: string): Participant {
  const next: Participant = { ...current, updated_at: now };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.email !== undefined) next.email = patch.email;
  if (patch.evaluation_template_id !== undefined) next.evaluation_template_id = patch.evaluation_template_id?.toLowerCase() ?? null;
  if (patch.external_id !== undefined) next.external_id = patch.external_id;
  if (patch.phone !== undefined) next.phone = patch.phone;
  if (patch.tags !== undefined) next.tags = normaliseTags(patch.tags);
  if (patch.profile !== undefined) next.profile = normaliseProfile(patch.profile);
  if (patch.background !== undefined) next.background = normaliseBackground(patch.background);
  if (patch.metadata !== undefined) next.metadata = patch.metadata ?? {};
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.resume_url !== undefined && patch.resume_url !== current.resume_url) {
    next.resume_url = patch.resume_url;
    next.resume = patch.resume_url === null ? null : { status: 'pending' };
  }
  return next;
}

/**
 * The stored JSON of a participant: exactly the API object, fields in schema order, so reads
 * send it as it is (a page of participants is then a join of strings, nothing parsed).
 */
export function documentOf(p: Participant): string {
  return JSON.stringify({
    id: p.id,
    name: p.name,
    email: p.email,
    evaluation_template_id: p.evaluation_template_id,
    external_id: p.external_id,
    phone: p.phone,
    tags: p.tags,
    profile: p.profile,
    background: p.background,
    resume_url: p.resume_url,
    resume: p.resume,
    metadata: p.metadata,
    status: p.status,
    created_at: p.created_at,
    updated_at: p.updated_at,
  });
}

const ID_START = '{"id":"';
const CREATED_AT = ',"created_at":"';
const UPDATED_AT = '","updated_at":"';

/**
 * A stored document's id and creation time, read in place where documentOf writes them: the id
 * first, the creation and update times last (timestamps hold no quote, and no string value can
 * hold an unescaped quote, so the last `,"created_at":"` followed by the update time and the
 * document's end is the participant's own). A document laid out otherwise is parsed. A page of a
 * list reads its last row's key this way for the next cursor: parsing the whole document cost
 * about as much as the rest of the cursor's work.
 */
export function documentKey(document: string): { id: string; created_at: string } {
  const at = document.lastIndexOf(CREATED_AT);
  if (at > 0 && document.startsWith(ID_START) && document.charCodeAt(ID_START.length + 36) === 0x22) {
    const end = document.indexOf('"', at + CREATED_AT.length);
    if (end > 0 && document.startsWith(UPDATED_AT, end) && document.indexOf('"', end + UPDATED_AT.length) === document.length - 2 && document.endsWith('"}')) {
      return { id: document.slice(ID_START.length, ID_START.length + 36), created_at: document.slice(at + CREATED_AT.length, end) };
    }
  }
  const { id, created_at } = JSON.parse(document) as { id: string; created_at: string };
  return { id, created_at };
}

export function toRow(accountId: string, p: Participant, doc: string = documentOf(p)): ParticipantRow {
  const emailNormalized = normaliseEmail(p.email);
  return {
    id: p.id,
    account_id: accountId,
    template_id: p.evaluation_template_id,
    template_key: p.evaluation_template_id ?? '',
    email_normalized: emailNormalized,
    search_text: `${p.name.toLowerCase()}\n${emailNormalized}`,
    external_id: p.external_id,
    status: p.status,
    created_at: p.created_at,
    updated_at: p.updated_at,
    doc,
  };
}

export function toTagRows(accountId: string, p: Participant): ParticipantTagRow[] {
  return p.tags.map((tag) => ({
    participant_id: p.id,
    account_id: accountId,
    tag_normalized: normaliseTag(tag),
    created_at: p.created_at,
  }));
}

export function toParticipant(doc: string): Participant {
  return JSON.parse(doc) as Participant;
}

const validateCreateBody = createBodyAjv().compile<ParticipantCreate>(ParticipantCreateBody);

/** Validates one bulk item or CSV row exactly as `POST /participants` validates its body. */
export function validateCreate(item: unknown): { ok: true; value: ParticipantCreate } | { ok: false; issues: ErrorIssue[] } {
  if (validateCreateBody(item)) return { ok: true, value: item };
  return { ok: false, issues: issuesFromAjv(validateCreateBody.errors ?? []) };
}
