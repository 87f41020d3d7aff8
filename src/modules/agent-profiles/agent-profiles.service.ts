import type { DatabaseHandle, Executor } from '../../db/database.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import type { AgentProfileRow, AgentProfileUpdate } from '../../db/schema.js';
import { AppError, notFound, type ErrorIssue } from '../../errors.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import { pageResult, resolvePage, type PageMetaOut, type PageQuery } from '../../lib/pagination.js';
import type { UseCase } from '../templates/templates.schemas.js';
import * as repo from './agent-profiles.repository.js';
import {
  AgentProfileListQuery,
  WEIGHT_TOTAL,
  type AgentProfile,
  type AgentProfileCreate,
  type AgentProfileFilters,
  type AgentProfilePatch,
  type EvaluationDimension,
  type InteractionSettings,
} from './agent-profiles.schemas.js';
import { STARTER_PROFILES } from './starters.js';

export const DEFAULT_INTERACTION: InteractionSettings = { tone: 'professional', style: 'structured', probingDepth: 'medium' };

type DimensionInput = AgentProfileCreate['evaluationDimensions'][number];

/** The interviewer's persona and rubric (SPEC §10). */
export class AgentProfilesService {
  constructor(private readonly deps: { database: DatabaseHandle; clock: Clock }) {}

  async create(accountId: string, input: AgentProfileCreate): Promise<AgentProfile> {
    const dimensions = checkDimensions(input.evaluationDimensions);
    const now = isoNow(this.deps.clock);
    const row: AgentProfileRow = {
      id: newId(),
      account_id: accountId,
      name: input.name,
      persona: emptyToNull(input.persona),
      use_case: input.useCase ?? 'hiring',
      evaluation_dimensions: JSON.stringify(dimensions),
      interaction: JSON.stringify({ ...DEFAULT_INTERACTION, ...input.interaction }),
      additional_instructions: emptyToNull(input.additionalInstructions),
      starter: 0,
      created_at: now,
      updated_at: now,
    };
    await this.deps.database.transaction((tx) => repo.insertProfiles(tx, [row]));
    return toAgentProfile(row);
  }

  /**
   * The starter profiles of a new account, written in the account's own transaction (the
   * accounts service calls this when it creates an account).
   */
  async createStarters(db: Executor, accountId: string): Promise<void> {
    const base = this.deps.clock.now().getTime();
    const rows = STARTER_PROFILES.map((starter, index): AgentProfileRow => {
      // A millisecond apart: the list (newest first) shows them in a stable order.
      const at = new Date(base + index).toISOString();
      return {
        id: newId(),
        account_id: accountId,
        name: starter.name,
        persona: starter.persona,
        use_case: starter.useCase,
        evaluation_dimensions: JSON.stringify(checkDimensions(starter.evaluationDimensions)),
        interaction: JSON.stringify(starter.interaction),
        additional_instructions: starter.additionalInstructions,
        starter: 1,
        created_at: at,
        updated_at: at,
      };
    });
    await repo.insertProfiles(db, rows);
  }

  async get(accountId: string, id: string): Promise<AgentProfile> {
    const profile = await this.find(accountId, id);
    if (profile === undefined) throw notFound('Agent profile');
    return profile;
  }

  /** For other modules: the profile, or undefined when it is not in this account. */
  async find(accountId: string, id: string, db: Executor = this.deps.database.db): Promise<AgentProfile | undefined> {
    const row = await repo.findProfile(db, accountId, id);
    return row === undefined ? undefined : toAgentProfile(row);
  }

  async list(accountId: string, query: PageQuery & AgentProfileFilters): Promise<{ data: AgentProfile[]; meta: PageMetaOut }> {
    const filters: AgentProfileFilters = { useCase: query.useCase, q: query.q?.trim() };
    const page = resolvePage(query, filters, AgentProfileListQuery);
    const db = this.deps.database.db;
    const rows =
      page.mode === 'page'
        ? await repo.listProfiles(db, accountId, page.filters, { offset: page.offset, limit: page.pageSize })
        : await repo.listProfiles(db, accountId, page.filters, { after: page.after, limit: page.limit + 1 });
    const total = page.mode === 'page' ? await repo.countProfiles(db, accountId, page.filters) : undefined;
    return pageResult(page, rows, total, toAgentProfile);
  }

  async update(accountId: string, id: string, patch: AgentProfilePatch): Promise<AgentProfile> {
    const set: AgentProfileUpdate = { updated_at: isoNow(this.deps.clock) };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.persona !== undefined) set.persona = emptyToNull(patch.persona);
    if (patch.useCase !== undefined) set.use_case = patch.useCase;
    if (patch.evaluationDimensions !== undefined) set.evaluation_dimensions = JSON.stringify(checkDimensions(patch.evaluationDimensions));
    // Like the participant's objects, `interaction` is replaced whole; omitted keys take their defaults.
    if (patch.interaction !== undefined) set.interaction = JSON.stringify({ ...DEFAULT_INTERACTION, ...patch.interaction });
    if (patch.additionalInstructions !== undefined) set.additional_instructions = emptyToNull(patch.additionalInstructions);
    const row = await this.deps.database.transaction(async (tx) => {
      const existing = await repo.lockProfile(tx, accountId, id);
      if (existing === undefined) throw notFound('Agent profile');
      await repo.updateProfile(tx, accountId, id, set);
      return { ...existing, ...set } as AgentProfileRow;
    });
    return toAgentProfile(row);
  }

  async delete(accountId: string, id: string): Promise<void> {
    try {
      const deleted = await this.deps.database.transaction((tx) => repo.deleteProfile(tx, accountId, id));
      if (deleted === 0) throw notFound('Agent profile');
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new AppError(
          'agent_profile_in_use',
          'This agent profile is used by an evaluation template or stage. Choose another profile there first.',
        );
      }
      throw error;
    }
  }
}

/**
 * The rubric rules the schema cannot express: names unique (case-insensitive) and weights
 * summing to 100. Returns the dimensions in their stored shape.
 */
export function checkDimensions(input: readonly DimensionInput[]): EvaluationDimension[] {
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  input.forEach((dimension, index) => {
    const key = dimension.name.trim().toLowerCase();
    if (seen.has(key)) {
      issues.push({ path: `evaluationDimensions.${index}.name`, message: 'must be unique within the profile', code: 'duplicate' });
    }
    seen.add(key);
  });
  const total = input.reduce((sum, d) => sum + d.weight, 0);
  if (total !== WEIGHT_TOTAL) {
    issues.push({ path: 'evaluationDimensions', message: `weights must sum to ${WEIGHT_TOTAL} (they sum to ${total})`, code: 'weights_sum' });
  }
  if (issues.length > 0) {
    throw new AppError('validation_failed', `The evaluation dimensions are invalid: ${issues.map((i) => i.message).join('; ')}.`, issues);
  }
  return input.map((d) => ({
    name: d.name,
    description: d.description ?? '',
    weight: d.weight,
    threshold: d.threshold ?? null,
  }));
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

export function toAgentProfile(row: AgentProfileRow): AgentProfile {
  return {
    id: row.id,
    name: row.name,
    persona: row.persona,
    useCase: row.use_case as UseCase,
    evaluationDimensions: (JSON.parse(row.evaluation_dimensions) as Partial<EvaluationDimension>[]).map((d) => ({
      name: d.name ?? '',
      description: d.description ?? '',
      weight: d.weight ?? 0,
      threshold: d.threshold ?? null,
    })),
    interaction: { ...DEFAULT_INTERACTION, ...(JSON.parse(row.interaction) as Partial<InteractionSettings>) },
    additionalInstructions: row.additional_instructions,
    starter: row.starter === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
