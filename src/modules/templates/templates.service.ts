import type { DatabaseHandle, Executor, Tx } from '../../db/database.js';
import { recordOutcome } from '../../db/transaction.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import type { StageRow, TemplateRow, TemplateUpdate } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { resolvePage, pageResult, type PageQuery, type PageMetaOut } from '../../lib/pagination.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import * as repo from './templates.repository.js';
import type { AgentProfilesService } from '../agent-profiles/agent-profiles.service.js';
import {
  DEFAULT_OUTCOME,
  DEFAULT_PASS_THRESHOLD,
  type AutomationRule,
  TemplateListQuery,
  type Stage,
  type StageCreate,
  type StagePatch,
  type Template,
  type TemplateCreate,
  type TemplateFilters,
  type TemplatePatch,
  type UseCase,
} from './templates.schemas.js';

const IMPLICIT_STAGE = { type: 'screen', stage_name: 'Screen' } as const;

/** Stored in hundredths of a point (integers compare the same on both databases). */
function toCenti(threshold: number): number {
  return Math.round(threshold * 100);
}

export class TemplatesService {
  constructor(
    private readonly deps: {
      database: DatabaseHandle;
      clock: Clock;
      agentProfiles: Pick<AgentProfilesService, 'find'>;
    },
  ) {}

  /** Every agent profile named must be in the account: 404 otherwise, like any reference. */
  private async assertProfiles(db: Executor, accountId: string, ids: readonly (string | null | undefined)[]): Promise<void> {
    for (const id of new Set(ids)) {
      if (id === null || id === undefined) continue;
      if ((await this.deps.agentProfiles.find(accountId, id, db)) === undefined) throw notFound('Agent profile');
    }
  }

  async create(accountId: string, input: TemplateCreate): Promise<Template> {
    const now = isoNow(this.deps.clock);
    const useCase: UseCase = input.use_case ?? 'hiring';
    const row: TemplateRow = {
      id: newId(),
      account_id: accountId,
      template_name: input.template_name,
      use_case: useCase,
      description: input.description ?? null,
      objective: input.objective ?? null,
      success_outcome: input.success_outcome ?? DEFAULT_OUTCOME[useCase],
      status: input.status ?? 'active',
      level: input.level ?? null,
      requirements: input.requirements ?? null,
      skills: JSON.stringify(uniqueStrings(input.skills ?? [])),
      soft_skills: JSON.stringify(uniqueStrings(input.soft_skills ?? [])),
      default_duration_minutes: input.default_duration_minutes ?? 30,
      default_difficulty: input.default_difficulty ?? 'intermediate',
      agent_profile_id: input.agent_profile_id ?? null,
      created_at: now,
      updated_at: now,
    };
    const stageInputs = input.stages ?? [];
    const seen = new Set<string>();
    stageInputs.forEach((stage, index) => {
      if (seen.has(stage.type)) {
        throw new AppError('validation_failed', `Stage type "${stage.type}" appears twice.`, [
          { path: `stages.${index}.type`, message: 'must be unique within the template', code: 'duplicate' },
        ]);
      }
      seen.add(stage.type);
    });
    return this.deps.database.transaction(async (tx) => {
      await this.assertProfiles(tx, accountId, [row.agent_profile_id, ...stageInputs.map((s) => s.agent_profile_id)]);
      await repo.insertTemplate(tx, row);
      let order = 1;
      for (const stage of stageInputs) {
        await repo.insertStage(tx, {
          id: newId(),
          account_id: accountId,
          template_id: row.id,
          type: stage.type,
          stage_name: stage.stage_name,
          stage_order: order,
          duration_minutes: stage.duration_minutes ?? null,
          agent_profile_id: stage.agent_profile_id ?? null,
          pass_threshold_centi: toCenti(stage.pass_threshold ?? DEFAULT_PASS_THRESHOLD),
          automation_rule: stage.automation_rule ?? 'none',
          created_at: now,
          updated_at: now,
        });
        order += 1;
      }
      const template = await this.find(accountId, row.id, tx);
      if (template === undefined) throw notFound('Evaluation template');
      recordOutcome(tx, template);
      return template;
    });
  }

  async get(accountId: string, id: string): Promise<Template> {
    const template = await this.find(accountId, id);
    if (template === undefined) throw notFound('Evaluation template');
    return template;
  }

  /** For other modules: the template, or undefined when it is not in this account. */
  async find(accountId: string, id: string, db: Executor = this.deps.database.db): Promise<Template | undefined> {
    const row = await repo.findTemplate(db, accountId, id);
    if (row === undefined) return undefined;
    return toTemplate(row, await repo.stagesOf(db, [row.id]));
  }

  /** Whether the template exists in this account (without reading it and its stages). */
  async exists(accountId: string, id: string): Promise<boolean> {
    return repo.templateExists(this.deps.database.db, accountId, id);
  }

  /** Templates whose name matches case-insensitively, newest first (CSV import resolves names). */
  async findByName(accountId: string, name: string): Promise<Template[]> {
    const rows = await repo.findTemplatesByName(this.deps.database.db, accountId, name);
    const stages = await repo.stagesOf(this.deps.database.db, rows.map((r) => r.id));
    return rows.map((r) => toTemplate(r, stages));
  }

  async list(
    accountId: string,
    query: PageQuery & TemplateFilters,
  ): Promise<{ data: Template[]; meta: PageMetaOut }> {
    const q = query.q?.trim();
    const filters: TemplateFilters = { status: query.status, use_case: query.use_case, q: q === '' ? undefined : q };
    const page = resolvePage(query, filters, TemplateListQuery);
    const db = this.deps.database.db;
    const rows =
      page.mode === 'page'
        ? await repo.listTemplates(db, accountId, page.filters, { offset: page.offset, limit: page.pageSize })
        : await repo.listTemplates(db, accountId, page.filters, { after: page.after, limit: page.limit + 1 });
    const total = page.mode === 'page' ? await repo.countTemplates(db, accountId, page.filters) : undefined;
    const stages = await repo.stagesOf(db, rows.map((r) => r.id));
    return pageResult(page, rows, total, (row) => toTemplate(row, stages));
  }

  async update(accountId: string, id: string, patch: TemplatePatch): Promise<Template> {
    const now = isoNow(this.deps.clock);
    const set: TemplateUpdate = { updated_at: now };
    if (patch.template_name !== undefined) set.template_name = patch.template_name;
    if (patch.use_case !== undefined) set.use_case = patch.use_case;
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.objective !== undefined) set.objective = patch.objective;
    if (patch.success_outcome !== undefined) set.success_outcome = patch.success_outcome;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.level !== undefined) set.level = patch.level;
    if (patch.requirements !== undefined) set.requirements = patch.requirements;
    if (patch.skills !== undefined) set.skills = JSON.stringify(uniqueStrings(patch.skills));
    if (patch.soft_skills !== undefined) set.soft_skills = JSON.stringify(uniqueStrings(patch.soft_skills));
    if (patch.default_duration_minutes !== undefined) set.default_duration_minutes = patch.default_duration_minutes;
    if (patch.default_difficulty !== undefined) set.default_difficulty = patch.default_difficulty;
    if (patch.agent_profile_id !== undefined) set.agent_profile_id = patch.agent_profile_id;
    await this.deps.database.transaction(async (tx) => {
      const existing = await repo.lockTemplate(tx, accountId, id);
      if (existing === undefined) throw notFound('Evaluation template');
      await this.assertProfiles(tx, accountId, [patch.agent_profile_id]);
      // A use case change without an explicit outcome moves the derived outcome along.
      if (
        patch.use_case !== undefined &&
        patch.success_outcome === undefined &&
        existing.success_outcome === DEFAULT_OUTCOME[existing.use_case as UseCase]
      ) {
        set.success_outcome = DEFAULT_OUTCOME[patch.use_case];
      }
      await repo.updateTemplate(tx, accountId, id, set);
    });
    return this.get(accountId, id);
  }

  async delete(accountId: string, id: string): Promise<void> {
    try {
      const deleted = await this.deps.database.transaction((tx) => repo.deleteTemplate(tx, accountId, id));
      if (deleted === 0) throw notFound('Evaluation template');
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new AppError(
          'template_in_use',
          'This template has participants or sessions and cannot be deleted. Archive it instead (PATCH status "archived").',
        );
      }
      throw error;
    }
  }

  async listStages(accountId: string, templateId: string): Promise<Stage[]> {
    return (await this.get(accountId, templateId)).stages;
  }

  async addStage(accountId: string, templateId: string, input: StageCreate): Promise<Stage> {
    const now = isoNow(this.deps.clock);
    const id = newId();
    await this.withStages(accountId, templateId, async (tx, stages) => {
      await this.assertProfiles(tx, accountId, [input.agent_profile_id]);
      const row: StageRow = {
        id,
        account_id: accountId,
        template_id: templateId,
        type: input.type,
        stage_name: input.stage_name,
        stage_order: stages.length + 1,
        duration_minutes: input.duration_minutes ?? null,
        agent_profile_id: input.agent_profile_id ?? null,
        pass_threshold_centi: toCenti(input.pass_threshold ?? DEFAULT_PASS_THRESHOLD),
        automation_rule: input.automation_rule ?? 'none',
        created_at: now,
        updated_at: now,
      };
      await repo.insertStage(tx, row);
      const position = clamp(input.stage_order ?? stages.length + 1, 1, stages.length + 1);
      const ordered = [...stages];
      ordered.splice(position - 1, 0, row);
      await writeOrder(tx, ordered, now);
      recordOutcome(tx, await this.stage(accountId, id, tx));
    });
    return this.stage(accountId, id);
  }

  async updateStage(accountId: string, stageId: string, patch: StagePatch): Promise<Stage> {
    const stage = await repo.findStage(this.deps.database.db, accountId, stageId);
    if (stage === undefined) throw notFound('Evaluation stage');
    const now = isoNow(this.deps.clock);
    await this.withStages(accountId, stage.template_id, async (tx, stages) => {
      const current = stages.find((s) => s.id === stageId);
      if (current === undefined) throw notFound('Evaluation stage');
      const set: Partial<StageRow> = { updated_at: now };
      if (patch.type !== undefined) set.type = patch.type;
      if (patch.stage_name !== undefined) set.stage_name = patch.stage_name;
      if (patch.duration_minutes !== undefined) set.duration_minutes = patch.duration_minutes;
      if (patch.agent_profile_id !== undefined) set.agent_profile_id = patch.agent_profile_id;
      if (patch.pass_threshold !== undefined) set.pass_threshold_centi = toCenti(patch.pass_threshold);
      if (patch.automation_rule !== undefined) set.automation_rule = patch.automation_rule;
      await this.assertProfiles(tx, accountId, [patch.agent_profile_id]);
      await repo.updateStage(tx, stageId, set);
      if (patch.stage_order !== undefined) {
        const others = stages.filter((s) => s.id !== stageId);
        others.splice(clamp(patch.stage_order, 1, stages.length) - 1, 0, current);
        await writeOrder(tx, others, now);
      }
    });
    return this.stage(accountId, stageId);
  }

  async deleteStage(accountId: string, stageId: string): Promise<void> {
    const stage = await repo.findStage(this.deps.database.db, accountId, stageId);
    if (stage === undefined) throw notFound('Evaluation stage');
    const now = isoNow(this.deps.clock);
    await this.withStages(accountId, stage.template_id, async (tx, stages) => {
      await repo.deleteStage(tx, stageId);
      await writeOrder(tx, stages.filter((s) => s.id !== stageId), now);
    });
  }

  private async stage(accountId: string, stageId: string, db: Executor = this.deps.database.db): Promise<Stage> {
    const row = await repo.findStage(db, accountId, stageId);
    if (row === undefined) throw notFound('Evaluation stage');
    const template = await this.find(accountId, row.template_id, db);
    if (template === undefined) throw notFound('Evaluation template');
    const stage = template.stages.find((s) => s.id === stageId);
    if (stage === undefined) throw notFound('Evaluation stage');
    return stage;
  }

  /** Runs a stage change with the template locked, mapping a duplicate type to 409. */
  private async withStages(
    accountId: string,
    templateId: string,
    change: (tx: Tx, stages: StageRow[]) => Promise<void>,
  ): Promise<void> {
    try {
      await this.deps.database.transaction(async (tx) => {
        const template = await repo.lockTemplate(tx, accountId, templateId);
        if (template === undefined) throw notFound('Evaluation template');
        await change(tx, await repo.stagesOf(tx, [templateId]));
        await repo.updateTemplate(tx, accountId, templateId, { updated_at: isoNow(this.deps.clock) });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('stage_exists', 'A stage of that type already exists in this template.');
      }
      throw error;
    }
  }
}

async function writeOrder(tx: Executor, ordered: StageRow[], now: string): Promise<void> {
  for (const [index, stage] of ordered.entries()) {
    if (stage.stage_order !== index + 1) await repo.updateStage(tx, stage.id, { stage_order: index + 1, updated_at: now });
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function uniqueStrings(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

function parseList(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

function toTemplate(row: TemplateRow, allStages: readonly StageRow[]): Template {
  const own = allStages.filter((s) => s.template_id === row.id);
  const stages: Stage[] =
    own.length > 0
      ? own.map((s) => ({
          id: s.id,
          template_id: row.id,
          type: s.type,
          stage_name: s.stage_name,
          stage_order: s.stage_order,
          duration_minutes: s.duration_minutes ?? row.default_duration_minutes,
          implicit: false,
          agent_profile_id: s.agent_profile_id,
          pass_threshold: s.pass_threshold_centi / 100,
          automation_rule: s.automation_rule as AutomationRule,
          created_at: s.created_at,
          updated_at: s.updated_at,
        }))
      : [
          {
            id: null,
            template_id: row.id,
            ...IMPLICIT_STAGE,
            stage_order: 1,
            duration_minutes: row.default_duration_minutes,
            implicit: true,
            agent_profile_id: null,
            pass_threshold: DEFAULT_PASS_THRESHOLD,
            automation_rule: 'none',
            created_at: row.created_at,
            updated_at: row.updated_at,
          },
        ];
  return {
    id: row.id,
    template_name: row.template_name,
    use_case: row.use_case as Template['use_case'],
    description: row.description,
    objective: row.objective,
    success_outcome: row.success_outcome as Template['success_outcome'],
    status: row.status as Template['status'],
    level: row.level,
    requirements: row.requirements,
    skills: parseList(row.skills),
    soft_skills: parseList(row.soft_skills),
    default_duration_minutes: row.default_duration_minutes,
    default_difficulty: row.default_difficulty as Template['default_difficulty'],
    agent_profile_id: row.agent_profile_id,
    stages,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
