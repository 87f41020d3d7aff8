import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { ApiError, unwrap } from '../../api/client';
import { participantKeys } from '../../api/participants';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { FormDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { EMPTY_PARTICIPANT_FORM, toParticipantCreateBody } from '../../lib/participant-form';
import { ParticipantFields } from './ParticipantFields';
import { useParticipantForm } from './useParticipantForm';

export function AddParticipantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <AddParticipantForm onClose={onClose} /> : null;
}

function AddParticipantForm({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const toast = useToast();
  const templates = useAllTemplates({ fresh: true });
  const { form, errors, change, check, showServerError } = useParticipantForm(EMPTY_PARTICIPANT_FORM, 'new-participant');

  const create = useMutation({
    mutationFn: async () =>
      (
        await unwrap(
          api.POST('/api/v1/participants', {
            params: { query: { accountSlug: account.slug } },
            body: toParticipantCreateBody(form),
          }),
        )
      ).data,
    onSuccess: async (participant) => {
      await queryClient.invalidateQueries({ queryKey: participantKeys.all(account.slug) });
      toast.success(`${participant.name} was added`);
      onClose();
    },
    onError: showServerError,
  });

  const error = create.error;
  const duplicate = error instanceof ApiError && error.code === 'participant_exists' ? error : null;
  const general = error !== null && duplicate === null && Object.keys(errors).every((k) => errors[k as keyof typeof errors] === undefined);

  return (
    <FormDialog
      open
      wide
      title="Add a participant"
      description="Name and email are required. Pick the template they are evaluated for."
      onClose={onClose}
      onSubmit={() => {
        if (check()) create.mutate();
      }}
      submitLabel="Save"
      busy={create.isPending}
      error={
        <>
          {duplicate !== null ? (
            <ErrorNotice error={duplicate} title="This participant already exists">
              {duplicate.existingId !== undefined ? (
                <div>
                  <Link to={`${account.base}/participants/${duplicate.existingId}`}>Open the existing participant</Link>
                </div>
              ) : null}
            </ErrorNotice>
          ) : null}
          {general && error !== null ? <ErrorNotice error={error} title="The participant was not saved" /> : null}
          {templates.isError ? <ErrorNotice error={templates.error} title="Templates could not be loaded" onRetry={() => void templates.refetch()} /> : null}
        </>
      }
    >
      <ParticipantFields form={form} errors={errors} templates={templates.data} onChange={change} idPrefix="new-participant" autoFocus />
    </FormDialog>
  );
}
