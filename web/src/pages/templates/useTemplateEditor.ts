import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { errorMessage, expectOk, issuesByPath, unwrap } from '../../api/client';
import type { Template } from '../../api/models';
import { templateKeys } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { useToast } from '../../components/Toasts';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
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

type StageChange =
  | { kind: 'add'; stage: StageDraft }
  | { kind: 'move'; id: string; order: number }
  | { kind: 'remove'; id: string }
  | { kind: 'update'; id: string; stage: StageDraft };

/**
 * The state and requests of the template editor: the details form (checked, saved, guarded
 * against leaving unsaved), the status, deletion, and the stages (kept locally for a new
 * template, sent one change at a time for a stored one).
 */
export function useTemplateEditor(template: Template | undefined) {
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const isNew = template === undefined;
  const query = { accountSlug: account.slug };

  // What the form was loaded with, or last saved as: edits are measured against it.
  const [baseline, setBaseline] = useState<TemplateForm>(() => (template === undefined ? EMPTY_TEMPLATE_FORM : templateToForm(template)));
  const [form, setForm] = useState<TemplateForm>(baseline);
  const [errors, setErrors] = useState<TemplateFormErrors>({});
  const [draftStages, setDraftStages] = useState<StageDraft[]>([]);
  const dirty = account.canWrite && (JSON.stringify(form) !== JSON.stringify(baseline) || draftStages.length > 0);
  const { prompt, allowLeave } = useUnsavedChanges(dirty);

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
    mutationFn: async () =>
      template === undefined
        ? (await unwrap(api.POST('/api/v1/evaluation-templates', { params: { query }, body: toTemplateCreateBody(form, draftStages) }))).data
        : (await unwrap(api.PATCH('/api/v1/evaluation-templates/{id}', { params: { path: { id: template.id }, query }, body: toTemplatePatchBody(form) }))).data,
    onSuccess: async (saved) => {
      await refresh(saved);
      const stored = templateToForm(saved);
      setBaseline(stored);
      setForm(stored);
      setDraftStages([]);
      if (isNew) {
        toast.success(`Template “${saved.template_name}” created`);
        allowLeave();
        void navigate(`${account.base}/templates/${saved.id}`, { replace: true });
      } else {
        toast.success('Changes saved');
      }
    },
    onError: (error) => setErrors(issuesByPath(error) as TemplateFormErrors),
  });

  const setStatus = useMutation({
    mutationFn: async (status: Template['status']) => {
      if (template === undefined) throw new Error('The template is not saved yet.');
      return (await unwrap(api.PATCH('/api/v1/evaluation-templates/{id}', { params: { path: { id: template.id }, query }, body: { status } }))).data;
    },
    onSuccess: async (saved) => {
      await refresh(saved);
      // The status is part of the form too: keep the form's copy in step, edits elsewhere kept.
      setBaseline((b) => ({ ...b, status: saved.status }));
      setForm((f) => ({ ...f, status: saved.status }));
      toast.success(saved.status === 'archived' ? 'Template archived' : 'Template restored');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const remove = useMutation({
    mutationFn: async () => {
      if (template === undefined) return;
      await expectOk(api.DELETE('/api/v1/evaluation-templates/{id}', { params: { path: { id: template.id }, query } }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.all(account.slug) });
      toast.success('Template deleted');
      allowLeave();
      void navigate(`${account.base}/templates`, { replace: true });
    },
  });

  const stageChange = useMutation({
    mutationFn: async (change: StageChange) => {
      if (template === undefined) return;
      const id = template.id;
      if (change.kind === 'add') {
        const { type, stage_name, duration_minutes } = change.stage;
        await unwrap(
          api.POST('/api/v1/evaluation-templates/{id}/stages', {
            params: { path: { id }, query },
            body: { type, stage_name, ...(duration_minutes !== null ? { duration_minutes } : {}) },
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

  /** Checks the form; sends it when it is fine, else focuses the first field to fix. */
  const submit = () => {
    const found = validateTemplateForm(form);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      document.getElementById(`template-${first}`)?.focus();
      return;
    }
    save.mutate();
  };

  const stageActions = {
    add: async (stage: StageDraft) => {
      if (isNew) setDraftStages((list) => [...list, stage]);
      else await stageChange.mutateAsync({ kind: 'add', stage });
    },
    move: (index: number, delta: number) => {
      if (isNew) return setDraftStages((list) => moveItem(list, index, delta));
      const stage = stages[index];
      if (stage?.id !== undefined) stageChange.mutate({ kind: 'move', id: stage.id, order: index + 1 + delta });
    },
    /** A draft stage goes at once; a stored one is removed after confirmation (see `confirmRemove`). */
    removeDraft: (index: number) => setDraftStages((list) => list.filter((_, i) => i !== index)),
    removeStored: (id: string, onDone: () => void) => stageChange.mutate({ kind: 'remove', id }, { onSettled: onDone }),
    /** New settings of one stage (name, duration, interviewer, pass mark, automation). */
    update: (index: number, stage: StageDraft, onDone: () => void) => {
      if (isNew) {
        setDraftStages((list) => list.map((s, i) => (i === index ? stage : s)));
        onDone();
        return;
      }
      if (stage.id !== undefined) stageChange.mutate({ kind: 'update', id: stage.id, stage }, { onSuccess: onDone });
    },
  };

  const saveError = save.error !== null && Object.keys(issuesByPath(save.error)).length === 0 ? save.error : null;

  return { isNew, form, errors, set, submit, save, saveError, setStatus, remove, stageChange, stages, stageActions, prompt };
}
