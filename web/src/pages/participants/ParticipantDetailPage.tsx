import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { ApiError, errorMessage, expectOk, unwrap } from '../../api/client';
import type { Participant } from '../../api/models';
import { participantKeys } from '../../api/participants';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading } from '../../components/EmptyState';
import { ArchiveIcon, CalendarIcon, TrashIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/Toasts';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { formatDateTime } from '../../lib/format';
import { participantToForm, toParticipantPatchBody } from '../../lib/participant-form';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import { BookSessionDialog } from '../sessions/BookSessionDialog';
import { ParticipantTimeline } from '../sessions/ParticipantTimeline';
import { ParticipantFields } from './ParticipantFields';
import { ResumePanel } from './ResumePanel';
import { StatusBadge } from './StatusBadge';
import { useParticipantForm } from './useParticipantForm';

export function ParticipantDetailPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const account = useAccount();
  // Kept here, above the keyed detail: a change landing while the dialog is open (an archive
  // still in flight when Delete was clicked) remounts the detail, and must not close the dialog.
  const [confirmDelete, setConfirmDelete] = useState(false);
  const participant = useQuery({
    queryKey: participantKeys.one(account.slug, id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/participants/{id}', { params: { path: { id }, query: { accountSlug: account.slug } } }))).data,
  });
  if (participant.isPending) return <Loading />;
  if (participant.isError) {
    if (participant.error instanceof ApiError && (participant.error.status === 404 || participant.error.status === 400)) return <NotFoundPage />;
    return <ErrorNotice error={participant.error} title="The participant could not be loaded" onRetry={() => void participant.refetch()} />;
  }
  // Keyed by update time: a saved change resets the form to what the server stored.
  return (
    <ParticipantDetail
      key={participant.data.updated_at}
      participant={participant.data}
      confirmDelete={confirmDelete}
      setConfirmDelete={setConfirmDelete}
    />
  );
}

function ParticipantDetail({
  participant,
  confirmDelete,
  setConfirmDelete,
}: {
  participant: Participant;
  confirmDelete: boolean;
  setConfirmDelete: (open: boolean) => void;
}) {
  useDocumentTitle(participant.name);
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const templates = useAllTemplates();
  const [booking, setBooking] = useState(false);
  const [initial] = useState(() => participantToForm(participant));
  const { form, errors, change, check, showServerError } = useParticipantForm(initial, 'participant');
  const readOnly = !account.canWrite;
  const { prompt, allowLeave } = useUnsavedChanges(!readOnly && JSON.stringify(form) !== JSON.stringify(initial));
  const template = templates.data?.find((t) => t.id === participant.evaluation_template_id);
  const path = { params: { path: { id: participant.id }, query: { accountSlug: account.slug } } };

  const stored = async (updated: Participant) => {
    queryClient.setQueryData(participantKeys.one(account.slug, updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: [...participantKeys.all(account.slug), 'list'] });
  };

  const save = useMutation({
    mutationFn: async () => (await unwrap(api.PATCH('/api/v1/participants/{id}', { ...path, body: toParticipantPatchBody(form) }))).data,
    onSuccess: async (updated) => {
      await stored(updated);
      toast.success('Changes saved');
    },
    onError: showServerError,
  });

  const setStatus = useMutation({
    mutationFn: async (status: Participant['status']) =>
      (await unwrap(api.PATCH('/api/v1/participants/{id}', { ...path, body: { status } }))).data,
    onSuccess: async (updated) => {
      await stored(updated);
      toast.success(updated.status === 'archived' ? `${updated.name} was archived` : `${updated.name} is active again`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const remove = useMutation({
    mutationFn: () => expectOk(api.DELETE('/api/v1/participants/{id}', path)),
    onSuccess: async () => {
      setConfirmDelete(false);
      await queryClient.invalidateQueries({ queryKey: [account.slug, 'sessions'] });
      queryClient.removeQueries({ queryKey: participantKeys.one(account.slug, participant.id) });
      await queryClient.invalidateQueries({ queryKey: participantKeys.all(account.slug) });
      toast.success(`${participant.name} was deleted`);
      allowLeave();
      void navigate(`${account.base}/participants`, { replace: true });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) save.mutate();
  };

  const duplicate = save.error instanceof ApiError && save.error.code === 'participant_exists' ? save.error : null;
  const fieldErrors = Object.values(errors).some((e) => e !== undefined);

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to={`${account.base}/participants`}>Participants</Link>
            <span aria-hidden="true">/</span>
            <span>{participant.name}</span>
          </>
        }
        title={
          <span className="row">
            <span className="heading-text">{participant.name}</span>
            <StatusBadge status={participant.status} />
          </span>
        }
        description={participant.email}
        actions={
          readOnly ? undefined : (
            <>
              <Button variant="primary" icon={<CalendarIcon />} disabled={participant.status === 'archived'} onClick={() => setBooking(true)}>
                Book session
              </Button>
              <Button
                icon={<ArchiveIcon />}
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate(participant.status === 'archived' ? 'active' : 'archived')}
              >
                {participant.status === 'archived' ? 'Unarchive' : 'Archive'}
              </Button>
              <Button variant="danger-outline" icon={<TrashIcon />} onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            </>
          )
        }
      />
      {participant.status === 'archived' ? (
        <Notice tone="warning" title="Archived">
          This participant is kept for the record. Unarchive them to book new sessions.
        </Notice>
      ) : null}
      <div className="detail-grid">
        <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="details-heading">
          <div className="card-header">
            <h2 id="details-heading">Details</h2>
          </div>
          <fieldset className="card-body stack" disabled={readOnly}>
            {duplicate !== null ? (
              <ErrorNotice error={duplicate} title="Another participant has this email for this template">
                {duplicate.existingId !== undefined ? (
                  <div>
                    <Link to={`${account.base}/participants/${duplicate.existingId}`}>Open the other participant</Link>
                  </div>
                ) : null}
              </ErrorNotice>
            ) : save.error !== null && !fieldErrors ? (
              <ErrorNotice error={save.error} title="The changes were not saved" />
            ) : null}
            <ParticipantFields form={form} errors={errors} templates={templates.data} onChange={change} idPrefix="participant" />
          </fieldset>
          {readOnly ? null : (
            <div className="card-footer" style={{ justifyContent: 'flex-end' }}>
              <Button type="submit" variant="primary" loading={save.isPending}>
                Save changes
              </Button>
            </div>
          )}
        </form>
        <aside className="stack" aria-label="Summary">
          <section className="card">
            <div className="card-header">
              <h2>Summary</h2>
            </div>
            <div className="card-body">
              <dl className="dl">
                <dt>Template</dt>
                <dd>
                  {participant.evaluation_template_id === null ? (
                    'None'
                  ) : template !== undefined ? (
                    <Link to={`${account.base}/templates/${template.id}`} className="clamp-3" title={template.template_name}>
                      {template.template_name}
                    </Link>
                  ) : (
                    '…'
                  )}
                </dd>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={participant.status} />
                </dd>
                <dt>Resume</dt>
                <dd>
                  {participant.resume === null ? (
                    'None'
                  ) : (
                    <Badge tone={participant.resume.status === 'ready' ? 'green' : participant.resume.status === 'failed' ? 'red' : 'amber'}>
                      {participant.resume.status === 'ready'
                        ? `Read (${(participant.resume.characters ?? 0).toLocaleString()} characters)`
                        : participant.resume.status === 'failed'
                          ? 'Could not be read'
                          : 'Waiting to be read'}
                    </Badge>
                  )}
                </dd>
                <dt>Created</dt>
                <dd>{formatDateTime(participant.created_at)}</dd>
                <dt>Updated</dt>
                <dd>{formatDateTime(participant.updated_at)}</dd>
                {Object.entries(participant.metadata).map(([k, v]) => (
                  <div key={k} style={{ display: 'contents' }}>
                    <dt>
                      <code>{k}</code>
                    </dt>
                    <dd className="clamp-3" title={v}>
                      {v}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          </section>
          <ParticipantTimeline participantId={participant.id} />
          <section className="card">
            <div className="card-header">
              <h2>Participant ID</h2>
            </div>
            <div className="card-body stack">
              <p className="subtle">Use it to book sessions through the API.</p>
              <div className="secret-box">
                <input className="input mono" readOnly aria-label="Participant ID" value={participant.id} onFocus={(e) => e.target.select()} />
                <CopyButton text={participant.id} />
              </div>
            </div>
          </section>
        </aside>
      </div>
      <ResumePanel participant={participant} />
      <BookSessionDialog open={booking} participant={participant} onClose={() => setBooking(false)} />
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${participant.name}?`}
        message="The participant and their sessions are removed permanently; open sessions are cancelled and the participant is told. To keep the record, archive them instead."
        confirmLabel="Delete participant"
        busy={remove.isPending}
        error={remove.error !== null ? <ErrorNotice error={remove.error} /> : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
      />
      {prompt}
    </div>
  );
}
