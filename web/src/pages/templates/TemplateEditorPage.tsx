import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAllAgentProfiles } from '../../api/agent-profiles';
import { useApi } from '../../api/ApiContext';
import { ApiError, errorMessage, expectOk, issuesByPath, unwrap } from '../../api/client';
import type { Template } from '../../api/models';
import { templateKeys, useTemplate } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading } from '../../components/EmptyState';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ArchiveIcon, TrashIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { TagInput } from '../../components/TagInput';
import { useToast } from '../../components/Toasts';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { DIFFICULTY_LABELS, TEMPLATE_STATUS_LABELS, USE_CASE_LABELS, keysOf } from '../../lib/labels';
import {
  EMPTY_TEMPLATE_FORM,
  moveItem,
  templateToForm,
  toTemplateCreateBody,
  toTemplatePatchBody,
  validateTemplateForm,
  type StageDraft,
  type TemplateForm,
  type TemplateFormErrors,
} from '../../lib/template-form';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { StageSettingsDialog } from './StageSettingsDialog';
import { StagesEditor } from './StagesEditor';
import { STATUS_TONES } from './TemplatesPage';

/** `templates/new` creates; `templates/:id` edits the template and its stages. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const template = useTemplate(id);
  if (id === undefined) return <TemplateEditor key="new" />;
  if (template.isPending) return <Loading />;
  if (template.isError) {
    if (template.error instanceof ApiError && template.error.status === 404) return <NotFoundPage />;
    return <ErrorNotice error={template.error} title="The template could not be loaded" />;
  }
  return <TemplateEditor key={template.data.id} template={template.data} />;
}

function TemplateEditor({ template }: { template?: Template }) {
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const isNew = template === undefined;
  useDocumentTitle(isNew ? 'New template' : template.template_name);

  const [form, setForm] = useState<TemplateForm>(() => (template === undefined ? EMPTY_TEMPLATE_FORM : templateToForm(template)));
  const [errors, setErrors] = useState<TemplateFormErrors>({});
  const [draftStages, setDraftStages] = useState<StageDraft[]>([]);
  const [confirm, setConfirm] = useState<'delete' | { removeStage: number } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const readOnly = !account.canWrite;
  const profiles = useAllAgentProfiles();
  const profileList = profiles.data ?? [];
  const profileName = (id: string | null | undefined) => (id === null || id === undefined || id === '' ? undefined : (profileList.find((p) => p.id === id)?.name ?? 'Unknown profile'));

  useEffect(() => {
    if (template !== undefined) setForm(templateToForm(template));
  }, [template]);

  const storedStages: StageDraft[] = (template?.stages ?? [])
    .filter((s) => !s.implicit && s.id !== null)
    .map((s) => ({
      id: s.id ?? undefined,
      type: s.type,
      stage_name: s.stage_name,
      // The API fills in the template's duration; the editor shows "template default" only for drafts.
      duration_minutes: s.duration_minutes,
      agent_profile_id: s.agent_profile_id,
      pass_threshold: s.pass_threshold,
      automation_rule: s.automation_rule,
    }));
  const stages = isNew ? draftStages : storedStages;

  const set = <K extends keyof TemplateForm>(key: K, value: TemplateForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key] !== undefined) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const refresh = async (updated?: Template) => {
    if (updated !== undefined) queryClient.setQueryData(templateKeys.one(account.slug, updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: templateKeys.all(account.slug) });
  };

  const save = useMutation({
    mutationFn: async () => {
      if (template === undefined) {
        return (
          await unwrap(
            api.POST('/api/v1/evaluation-templates', {
              params: { query: { accountSlug: account.slug } },
              body: toTemplateCreateBody(form, draftStages),
            }),
          )
        ).data;
      }
      return (
        await unwrap(
          api.PATCH('/api/v1/evaluation-templates/{id}', {
            params: { path: { id: template.id }, query: { accountSlug: account.slug } },
            body: toTemplatePatchBody(form),
          }),
        )
      ).data;
    },
    onSuccess: async (saved) => {
      await refresh(saved);
      if (isNew) {
        toast.success(`Template “${saved.template_name}” created`);
        void navigate(`${account.base}/templates/${saved.id}`, { replace: true });
      } else {
        toast.success('Changes saved');
      }
    },
    onError: (error) => setErrors(issuesByPath(error) as TemplateFormErrors),
  });

  const setStatus = useMutation({
    mutationFn: async (status: Template['status']) => {
      if (template === undefined) throw new Error('not saved yet');
      return (
        await unwrap(
          api.PATCH('/api/v1/evaluation-templates/{id}', {
            params: { path: { id: template.id }, query: { accountSlug: account.slug } },
            body: { status },
          }),
        )
      ).data;
    },
    onSuccess: async (saved) => {
      await refresh(saved);
      toast.success(saved.status === 'archived' ? 'Template archived' : 'Template restored');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const remove = useMutation({
    mutationFn: async () => {
      if (template === undefined) return;
      await expectOk(
        api.DELETE('/api/v1/evaluation-templates/{id}', { params: { path: { id: template.id }, query: { accountSlug: account.slug } } }),
      );
    },
    onSuccess: async () => {
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: templateKeys.all(account.slug) });
      toast.success('Template deleted');
      void navigate(`${account.base}/templates`, { replace: true });
    },
  });

  const stageChange = useMutation({
    mutationFn: async (
      change:
        | { kind: 'add'; stage: StageDraft }
        | { kind: 'move'; id: string; order: number }
        | { kind: 'remove'; id: string }
        | { kind: 'update'; id: string; stage: StageDraft },
    ) => {
      const query = { accountSlug: account.slug };
      if (template === undefined) return;
      if (change.kind === 'add') {
        await unwrap(
          api.POST('/api/v1/evaluation-templates/{id}/stages', {
            params: { path: { id: template.id }, query },
            body: {
              type: change.stage.type,
              stage_name: change.stage.stage_name,
              ...(change.stage.duration_minutes !== null ? { duration_minutes: change.stage.duration_minutes } : {}),
            },
          }),
        );
      } else if (change.kind === 'update') {
        await unwrap(
          api.PATCH('/api/v1/evaluation-stages/{id}', {
            params: { path: { id: change.id }, query },
            body: {
              stage_name: change.stage.stage_name,
              // The API reports the effective duration; only a changed one is written, so a stage
              // that follows the template's default keeps following it.
              ...(change.stage.duration_minutes !== stages.find((s) => s.id === change.id)?.duration_minutes
                ? { duration_minutes: change.stage.duration_minutes }
                : {}),
              agent_profile_id: change.stage.agent_profile_id ?? null,
              pass_threshold: change.stage.pass_threshold ?? 7,
              automation_rule: change.stage.automation_rule ?? 'none',
            },
          }),
        );
      } else if (change.kind === 'move') {
        await unwrap(api.PATCH('/api/v1/evaluation-stages/{id}', { params: { path: { id: change.id }, query }, body: { stage_order: change.order } }));
      } else {
        await expectOk(api.DELETE('/api/v1/evaluation-stages/{id}', { params: { path: { id: change.id }, query } }));
      }
    },
    onSuccess: () => refresh(),
    onError: (error) => toast.error(errorMessage(error)),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTemplateForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`template-${Object.keys(found)[0] ?? ''}`)?.focus();
      return;
    }
    save.mutate();
  };

  const addStage = async (stage: StageDraft) => {
    if (isNew) setDraftStages((list) => [...list, stage]);
    else await stageChange.mutateAsync({ kind: 'add', stage });
  };
  const moveStage = (index: number, delta: number) => {
    if (isNew) return setDraftStages((list) => moveItem(list, index, delta));
    const stage = stages[index];
    if (stage?.id !== undefined) stageChange.mutate({ kind: 'move', id: stage.id, order: index + 1 + delta });
  };
  const removeStage = (index: number) => {
    if (isNew) return setDraftStages((list) => list.filter((_, i) => i !== index));
    setConfirm({ removeStage: index });
  };
  const saveStageSettings = (index: number, stage: StageDraft) => {
    if (isNew) {
      setDraftStages((list) => list.map((s, i) => (i === index ? stage : s)));
      setEditing(null);
      return;
    }
    if (stage.id !== undefined) stageChange.mutate({ kind: 'update', id: stage.id, stage }, { onSuccess: () => setEditing(null) });
  };
  const interviewerOf = (stage: StageDraft) =>
    profileName(stage.agent_profile_id) ??
    (profileName(form.agent_profile_id) !== undefined ? `${profileName(form.agent_profile_id) ?? ''} (template default)` : 'Built-in interviewer');
  const stageToRemove = confirm !== null && confirm !== 'delete' ? stages[confirm.removeStage] : undefined;

  const saveError = save.error !== null && Object.keys(issuesByPath(save.error)).length === 0 ? save.error : null;

  return (
    <div className="page page-narrow">
      <PageHeader
        breadcrumb={
          <>
            <Link to={`${account.base}/templates`}>Evaluation Templates</Link>
            <span aria-hidden="true">/</span>
            <span>{isNew ? 'New' : template.template_name}</span>
          </>
        }
        title={
          isNew ? (
            'New evaluation template'
          ) : (
            <span className="row">
              {template.template_name}
              <Badge tone={STATUS_TONES[template.status]} dot>
                {TEMPLATE_STATUS_LABELS[template.status]}
              </Badge>
            </span>
          )
        }
        description={isNew ? 'Describe the role or program, then add its interview stages.' : undefined}
        actions={
          !isNew && !readOnly ? (
            <Button
              icon={<ArchiveIcon />}
              loading={setStatus.isPending}
              onClick={() => setStatus.mutate(template.status === 'archived' ? 'active' : 'archived')}
            >
              {template.status === 'archived' ? 'Restore' : 'Archive'}
            </Button>
          ) : undefined
        }
      />
      {readOnly ? <Notice tone="info">You have read-only access to this team.</Notice> : null}
      {!isNew && template.status === 'archived' ? (
        <Notice tone="warning" title="This template is archived">
          It is hidden from the template picker for new participants. Restore it to use it again.
        </Notice>
      ) : null}
      <form className="stack" onSubmit={onSubmit} noValidate aria-label={isNew ? 'New template' : 'Edit template'}>
        <section className="card">
          <div className="card-header">
            <h2>Details</h2>
          </div>
          <fieldset className="card-body form" disabled={readOnly}>
            {saveError !== null ? <ErrorNotice error={saveError} title="The template was not saved" /> : null}
            <div className="form-grid">
              <TextField
                id="template-template_name"
                className="span-2"
                label="Name"
                required
                maxLength={200}
                placeholder="Backend Engineer"
                value={form.template_name}
                error={errors.template_name}
                onChange={(e) => set('template_name', e.target.value)}
              />
              <SelectField label="Use case" value={form.use_case} error={errors.use_case} onChange={(e) => set('use_case', e.target.value as TemplateForm['use_case'])}>
                {keysOf(USE_CASE_LABELS).map((u) => (
                  <option key={u} value={u}>
                    {USE_CASE_LABELS[u]}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Status" value={form.status} error={errors.status} onChange={(e) => set('status', e.target.value as TemplateForm['status'])}>
                {keysOf(TEMPLATE_STATUS_LABELS).map((s) => (
                  <option key={s} value={s}>
                    {TEMPLATE_STATUS_LABELS[s]}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                className="span-2"
                label="Objective"
                optional
                rows={3}
                maxLength={2000}
                placeholder="What should the interview find out?"
                value={form.objective}
                error={errors.objective}
                onChange={(e) => set('objective', e.target.value)}
              />
              <TagInput
                label="Skills"
                optional
                value={form.skills}
                onChange={(v) => set('skills', v)}
                maxTags={100}
                placeholder="Type a skill and press Enter"
                error={errors.skills}
              />
              <TagInput
                label="Soft skills"
                optional
                value={form.soft_skills}
                onChange={(v) => set('soft_skills', v)}
                maxTags={100}
                placeholder="Communication, ownership…"
                error={errors.soft_skills}
              />
              <TextAreaField
                className="span-2"
                label="Requirements"
                optional
                rows={3}
                maxLength={10000}
                value={form.requirements}
                error={errors.requirements}
                onChange={(e) => set('requirements', e.target.value)}
              />
              <TextField
                id="template-default_duration_minutes"
                label="Default duration (minutes)"
                type="number"
                inputMode="numeric"
                min={5}
                max={240}
                required
                value={form.default_duration_minutes}
                error={errors.default_duration_minutes}
                onChange={(e) => set('default_duration_minutes', e.target.value)}
              />
              <SelectField
                label="Default difficulty"
                value={form.default_difficulty}
                error={errors.default_difficulty}
                onChange={(e) => set('default_difficulty', e.target.value as TemplateForm['default_difficulty'])}
              >
                {keysOf(DIFFICULTY_LABELS).map((d) => (
                  <option key={d} value={d}>
                    {DIFFICULTY_LABELS[d]}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="template-level"
                label="Level"
                optional
                maxLength={100}
                placeholder="Senior"
                value={form.level}
                error={errors.level}
                onChange={(e) => set('level', e.target.value)}
              />
              <SelectField
                className="span-2"
                label="Default agent profile"
                hint="The interviewer of every stage that does not name its own."
                value={form.agent_profile_id}
                onChange={(e) => set('agent_profile_id', e.target.value)}
              >
                <option value="">Built-in interviewer</option>
                {profileList.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                className="span-2"
                label="Description"
                optional
                rows={3}
                maxLength={5000}
                value={form.description}
                error={errors.description}
                onChange={(e) => set('description', e.target.value)}
              />
            </div>
          </fieldset>
        </section>

        <section className="card" aria-labelledby="stages-heading">
          <div className="card-header">
            <div>
              <h2 id="stages-heading">Stages</h2>
              <p>The rounds of the interview, in order.{isNew ? ' They are saved with the template.' : ''}</p>
            </div>
          </div>
          <div className="card-body">
            <StagesEditor
              stages={stages}
              defaultDuration={Number(form.default_duration_minutes) || 30}
              onAdd={addStage}
              onMove={moveStage}
              onRemove={removeStage}
              onEdit={setEditing}
              interviewerOf={interviewerOf}
              busy={stageChange.isPending}
              readOnly={readOnly}
            />
          </div>
        </section>

        {readOnly ? null : (
          <div className="form-actions">
            <Link className="btn btn-secondary" to={`${account.base}/templates`}>
              Cancel
            </Link>
            <Button type="submit" variant="primary" loading={save.isPending}>
              {isNew ? 'Create template' : 'Save changes'}
            </Button>
          </div>
        )}
      </form>

      {!isNew && !readOnly ? (
        <section className="card danger-zone" aria-labelledby="danger-heading">
          <div className="card-header">
            <h2 id="danger-heading">Delete template</h2>
          </div>
          <div className="card-body danger-row">
            <p>Deleting is permanent. A template that has participants cannot be deleted; archive it instead.</p>
            <Button variant="danger-outline" icon={<TrashIcon />} onClick={() => setConfirm('delete')}>
              Delete template
            </Button>
          </div>
        </section>
      ) : null}

      <ConfirmDialog
        open={confirm === 'delete'}
        title="Delete this template?"
        message={`“${template?.template_name ?? ''}” and its stages will be deleted permanently.`}
        confirmLabel="Delete template"
        busy={remove.isPending}
        error={remove.error !== null ? <ErrorNotice error={remove.error} /> : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirm(null);
          remove.reset();
        }}
      />
      <StageSettingsDialog
        stage={editing === null ? undefined : stages[editing]}
        profiles={profileList}
        defaultProfileName={profileName(form.agent_profile_id)}
        defaultDuration={Number(form.default_duration_minutes) || 30}
        busy={stageChange.isPending}
        onSave={(stage) => {
          if (editing !== null) saveStageSettings(editing, stage);
        }}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        open={stageToRemove !== undefined}
        title="Remove this stage?"
        message={`The “${stageToRemove?.stage_name ?? ''}” stage will be removed from the template.`}
        confirmLabel="Remove stage"
        busy={stageChange.isPending}
        onConfirm={() => {
          if (stageToRemove?.id !== undefined) stageChange.mutate({ kind: 'remove', id: stageToRemove.id }, { onSettled: () => setConfirm(null) });
        }}
        onCancel={() => setConfirm(null)}
      />
    </div>
  );
}
