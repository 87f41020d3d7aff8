import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { Template } from '../../api/models';
import { useTemplate } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading } from '../../components/EmptyState';
import { ArchiveIcon, TrashIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { TEMPLATE_STATUS_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAllAgentProfiles } from '../../api/agent-profiles';
import type { StageDraft } from '../../lib/template-form';
import { DeleteTemplateDialog } from './DeleteTemplateDialog';
import { StageSettingsDialog } from './StageSettingsDialog';
import { StagesEditor } from './StagesEditor';
import { TemplateDetailsFields } from './TemplateDetailsFields';
import { STATUS_TONES } from './TemplatesPage';
import { useTemplateEditor } from './useTemplateEditor';

/** `templates/new` creates; `templates/:id` edits the template and its stages. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const template = useTemplate(id);
  if (id === undefined) return <TemplateEditor key="new" />;
  if (template.isPending) return <Loading />;
  if (template.isError) {
    if (template.error instanceof ApiError && template.error.status === 404) return <NotFoundPage />;
    return <ErrorNotice error={template.error} title="The template could not be loaded" onRetry={() => void template.refetch()} />;
  }
  return <TemplateEditor key={template.data.id} template={template.data} />;
}

function TemplateEditor({ template }: { template?: Template }) {
  const account = useAccount();
  const editor = useTemplateEditor(template);
  const { isNew, form, errors, set, save, saveError, setStatus, remove, stageChange, stages, stageActions } = editor;
  const [confirm, setConfirm] = useState<'delete' | { removeStage: number } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const profiles = useAllAgentProfiles();
  const profileList = profiles.data ?? [];
  const profileName = (id: string | null | undefined) =>
    id === null || id === undefined || id === '' ? undefined : (profileList.find((p) => p.id === id)?.name ?? 'Unknown profile');
  const interviewerOf = (stage: StageDraft) =>
    profileName(stage.agent_profile_id) ??
    (profileName(form.agent_profile_id) !== undefined ? `${profileName(form.agent_profile_id) ?? ''} (template default)` : 'Built-in interviewer');
  const readOnly = !account.canWrite;
  useDocumentTitle(template === undefined ? 'New template' : template.template_name);

  const stageToRemove = confirm !== null && confirm !== 'delete' ? stages[confirm.removeStage] : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    editor.submit();
  };

  return (
    <div className="page page-narrow">
      <PageHeader
        breadcrumb={
          <>
            <Link to={`${account.base}/templates`}>Evaluation Templates</Link>
            <span aria-hidden="true">/</span>
            <span>{template === undefined ? 'New' : template.template_name}</span>
          </>
        }
        title={
          template === undefined ? (
            'New evaluation template'
          ) : (
            <span className="row">
              <span className="heading-text">{template.template_name}</span>
              <Badge tone={STATUS_TONES[template.status]} dot>
                {TEMPLATE_STATUS_LABELS[template.status]}
              </Badge>
            </span>
          )
        }
        description={isNew ? 'Describe the role or program, then add its interview stages.' : undefined}
        actions={
          template !== undefined && !readOnly ? (
            <Button icon={<ArchiveIcon />} loading={setStatus.isPending} onClick={() => setStatus.mutate(template.status === 'archived' ? 'active' : 'archived')}>
              {template.status === 'archived' ? 'Restore' : 'Archive'}
            </Button>
          ) : undefined
        }
      />
      {readOnly ? <Notice tone="info">You have read-only access to this team.</Notice> : null}
      {template?.status === 'archived' ? (
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
            <TemplateDetailsFields form={form} errors={errors} set={set} profiles={profileList} />
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
              onAdd={stageActions.add}
              onMove={stageActions.move}
              onRemove={(index) => (isNew ? stageActions.removeDraft(index) : setConfirm({ removeStage: index }))}
              busy={stageChange.isPending}
              readOnly={readOnly}
              onEdit={setEditing}
              interviewerOf={interviewerOf}
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

      {template !== undefined && !readOnly ? (
        <>
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
          <DeleteTemplateDialog
            open={confirm === 'delete'}
            template={template}
            deleting={remove.isPending}
            error={remove.error}
            archiving={setStatus.isPending}
            onDelete={() => remove.mutate()}
            onArchive={() =>
              setStatus.mutate('archived', {
                onSuccess: () => {
                  setConfirm(null);
                  remove.reset();
                },
              })
            }
            onCancel={() => {
              setConfirm(null);
              remove.reset();
            }}
          />
        </>
      ) : null}
      <ConfirmDialog
        open={stageToRemove !== undefined}
        title="Remove this stage?"
        message={`The “${stageToRemove?.stage_name ?? ''}” stage will be removed from the template.`}
        confirmLabel="Remove stage"
        busy={stageChange.isPending}
        onConfirm={() => {
          if (stageToRemove?.id !== undefined) stageActions.removeStored(stageToRemove.id, () => setConfirm(null));
        }}
        onCancel={() => setConfirm(null)}
      />
      <StageSettingsDialog
        stage={editing === null ? undefined : stages[editing]}
        profiles={profileList}
        defaultProfileName={profileName(form.agent_profile_id)}
        defaultDuration={Number(form.default_duration_minutes) || 30}
        busy={stageChange.isPending}
        onSave={(stage) => {
          if (editing !== null) stageActions.update(editing, stage, () => setEditing(null));
        }}
        onClose={() => setEditing(null)}
      />
      {editor.prompt}
    </div>
  );
}
