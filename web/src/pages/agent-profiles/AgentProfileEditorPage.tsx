import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { agentProfileKeys, useAgentProfile } from '../../api/agent-profiles';
import { useApi } from '../../api/ApiContext';
import { ApiError, expectOk, issuesByPath, unwrap } from '../../api/client';
import type { AgentProfile } from '../../api/models';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading } from '../../components/EmptyState';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { TrashIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/Toasts';
import { NotFoundPage } from '../../layout/NotFoundPage';
import {
  emptyAgentProfileForm,
  errorsFromIssues,
  hasErrors,
  profileToForm,
  toAgentProfileBody,
  validateAgentProfileForm,
  type AgentProfileForm,
  type AgentProfileFormErrors,
} from '../../lib/agent-profile-form';
import { PROBING_LABELS, STYLE_LABELS, TONE_LABELS, USE_CASE_LABELS, keysOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DimensionsEditor } from './DimensionsEditor';

/** `agent-profiles/new` creates; `agent-profiles/:id` edits. */
export function AgentProfileEditorPage() {
  const { id } = useParams();
  const profile = useAgentProfile(id);
  if (id === undefined) return <AgentProfileEditor key="new" />;
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 404) return <NotFoundPage />;
    return <ErrorNotice error={profile.error} title="The agent profile could not be loaded" />;
  }
  return <AgentProfileEditor key={profile.data.id} profile={profile.data} />;
}

function AgentProfileEditor({ profile }: { profile?: AgentProfile }) {
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const isNew = profile === undefined;
  const readOnly = !account.canWrite;
  useDocumentTitle(isNew ? 'New agent profile' : profile.name);

  const [form, setForm] = useState<AgentProfileForm>(() => (profile === undefined ? emptyAgentProfileForm() : profileToForm(profile)));
  const [errors, setErrors] = useState<AgentProfileFormErrors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);

  const set = <K extends keyof AgentProfileForm>(key: K, value: AgentProfileForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (key in errors) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = useMutation({
    mutationFn: async () => {
      const body = toAgentProfileBody(form);
      const query = { accountSlug: account.slug };
      if (profile === undefined) return (await unwrap(api.POST('/api/v1/agent-profiles', { params: { query }, body }))).data;
      return (await unwrap(api.PATCH('/api/v1/agent-profiles/{id}', { params: { path: { id: profile.id }, query }, body }))).data;
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(agentProfileKeys.one(account.slug, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: agentProfileKeys.all(account.slug) });
      if (isNew) {
        toast.success(`Agent profile “${saved.name}” created`);
        void navigate(`${account.base}/agent-profiles/${saved.id}`, { replace: true });
      } else {
        toast.success('Changes saved');
      }
    },
    onError: (error) => setErrors(errorsFromIssues(issuesByPath(error))),
  });

  const remove = useMutation({
    mutationFn: async () => {
      if (profile === undefined) return;
      await expectOk(api.DELETE('/api/v1/agent-profiles/{id}', { params: { path: { id: profile.id }, query: { accountSlug: account.slug } } }));
    },
    onSuccess: async () => {
      setConfirmDelete(false);
      await queryClient.invalidateQueries({ queryKey: agentProfileKeys.all(account.slug) });
      toast.success('Agent profile deleted');
      void navigate(`${account.base}/agent-profiles`, { replace: true });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAgentProfileForm(form);
    setErrors(found);
    if (hasErrors(found)) {
      const firstRow = found.rows === undefined ? undefined : Object.entries(found.rows)[0];
      const target =
        found.name !== undefined
          ? 'agent-name'
          : firstRow !== undefined
            ? `dimension-${firstRow[0]}-${Object.keys(firstRow[1])[0] ?? 'name'}`
            : found.dimensions !== undefined
              ? 'dimension-0-weight'
              : 'agent-persona';
      document.getElementById(target)?.focus();
      return;
    }
    save.mutate();
  };

  const saveError = save.error !== null && !hasErrors(errorsFromIssues(issuesByPath(save.error))) ? save.error : null;

  return (
    <div className="page page-narrow">
      <PageHeader
        breadcrumb={
          <>
            <Link to={`${account.base}/agent-profiles`}>Agent Profiles</Link>
            <span aria-hidden="true">/</span>
            <span>{isNew ? 'New' : profile.name}</span>
          </>
        }
        title={
          isNew ? (
            'New agent profile'
          ) : (
            <span className="row">
              {profile.name}
              {profile.starter ? <Badge tone="blue">Starter</Badge> : null}
            </span>
          )
        }
        description={isNew ? 'Who the interviewer is, how it asks, and the rubric it scores against.' : undefined}
      />
      {readOnly ? <Notice tone="info">You have read-only access to this team.</Notice> : null}
      <form className="stack" onSubmit={onSubmit} noValidate aria-label={isNew ? 'New agent profile' : 'Edit agent profile'}>
        {saveError !== null ? <ErrorNotice error={saveError} title="The agent profile was not saved" /> : null}
        <section className="card">
          <div className="card-header">
            <h2>Interviewer</h2>
          </div>
          <fieldset className="card-body form" disabled={readOnly}>
            <div className="form-grid">
              <TextField
                id="agent-name"
                className="span-2"
                label="Name"
                required
                maxLength={200}
                placeholder="Backend interviewer"
                value={form.name}
                error={errors.name}
                onChange={(e) => set('name', e.target.value)}
              />
              <TextAreaField
                id="agent-persona"
                className="span-2"
                label="Persona"
                optional
                rows={3}
                maxLength={2000}
                hint="How the interviewer introduces itself to the participant."
                placeholder="Hi, I'm Alex, a senior engineer…"
                value={form.persona}
                error={errors.persona}
                onChange={(e) => set('persona', e.target.value)}
              />
              <SelectField label="Use case" value={form.useCase} onChange={(e) => set('useCase', e.target.value as AgentProfileForm['useCase'])}>
                {keysOf(USE_CASE_LABELS).map((u) => (
                  <option key={u} value={u}>
                    {USE_CASE_LABELS[u]}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Tone" value={form.tone} onChange={(e) => set('tone', e.target.value as AgentProfileForm['tone'])}>
                {keysOf(TONE_LABELS).map((t) => (
                  <option key={t} value={t}>
                    {TONE_LABELS[t]}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Style" value={form.style} onChange={(e) => set('style', e.target.value as AgentProfileForm['style'])}>
                {keysOf(STYLE_LABELS).map((s) => (
                  <option key={s} value={s}>
                    {STYLE_LABELS[s]}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="Probing depth"
                value={form.probingDepth}
                hint="Follow-up questions the interviewer may ask per planned question (with a model)."
                onChange={(e) => set('probingDepth', e.target.value as AgentProfileForm['probingDepth'])}
              >
                {keysOf(PROBING_LABELS).map((p) => (
                  <option key={p} value={p}>
                    {PROBING_LABELS[p]}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                className="span-2"
                label="Additional instructions"
                optional
                rows={3}
                maxLength={2000}
                value={form.additionalInstructions}
                error={errors.additionalInstructions}
                onChange={(e) => set('additionalInstructions', e.target.value)}
              />
            </div>
          </fieldset>
        </section>

        <section className="card" aria-labelledby="dimensions-heading">
          <div className="card-header">
            <div>
              <h2 id="dimensions-heading">Evaluation dimensions</h2>
              <p>The rubric every session is scored against. Weights are whole numbers that add up to 100.</p>
            </div>
          </div>
          <div className="card-body">
            <DimensionsEditor
              dimensions={form.dimensions}
              onChange={(dimensions) => {
                setForm((f) => ({ ...f, dimensions }));
                setErrors((e) => ({ ...e, rows: undefined, dimensions: undefined }));
              }}
              rowErrors={errors.rows}
              listError={errors.dimensions}
              readOnly={readOnly}
            />
          </div>
        </section>

        {readOnly ? null : (
          <div className="form-actions">
            <Link className="btn btn-secondary" to={`${account.base}/agent-profiles`}>
              Cancel
            </Link>
            <Button type="submit" variant="primary" loading={save.isPending}>
              {isNew ? 'Create agent profile' : 'Save changes'}
            </Button>
          </div>
        )}
      </form>

      {!isNew && !readOnly ? (
        <section className="card danger-zone" aria-labelledby="danger-heading">
          <div className="card-header">
            <h2 id="danger-heading">Delete agent profile</h2>
          </div>
          <div className="card-body danger-row">
            <p>Sessions already planned keep their copy of the profile. A profile that a template or stage uses cannot be deleted.</p>
            <Button variant="danger-outline" icon={<TrashIcon />} onClick={() => setConfirmDelete(true)}>
              Delete agent profile
            </Button>
          </div>
        </section>
      ) : null}

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this agent profile?"
        message={`“${profile?.name ?? ''}” will be deleted permanently.`}
        confirmLabel="Delete agent profile"
        busy={remove.isPending}
        error={remove.error !== null ? <ErrorNotice error={remove.error} /> : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
      />
    </div>
  );
}
