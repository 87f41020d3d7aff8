import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { issuesByPath, unwrap } from '../../api/client';
import type { Session } from '../../api/models';
import { sessionKeys } from '../../api/sessions';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { ScheduleFields, scheduleFormOf, toSchedule, type ScheduleErrors, type ScheduleForm } from './ScheduleFields';

export function RescheduleDialog({ session, open, onClose }: { session: Session; open: boolean; onClose: () => void }) {
  return open ? <RescheduleForm session={session} onClose={onClose} /> : null;
}

function RescheduleForm({ session, onClose }: { session: Session; onClose: () => void }) {
  const api = useApi();
  const account = useAccount();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ScheduleForm>(() => scheduleFormOf(session.scheduled_at, session.timezone));
  const [errors, setErrors] = useState<ScheduleErrors>({});

  const save = useMutation({
    mutationFn: async () => {
      const when = toSchedule(form);
      if ('errors' in when) {
        setErrors(when.errors);
        throw new Error('Check the date and time.');
      }
      return (
        await unwrap(
          api.PATCH('/api/v1/sessions/{id}', {
            params: { path: { id: session.id }, query: { accountSlug: account.slug } },
            body: { scheduled_at: when.scheduled_at, timezone: when.timezone },
          }),
        )
      ).data;
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(sessionKeys.one(account.slug, updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all(account.slug) });
      toast.success(`Rescheduled; ${updated.participant.name} gets an update`);
      onClose();
    },
  });
  const server = issuesByPath(save.error);
  const shown: ScheduleErrors = { ...errors, ...(server['scheduled_at'] !== undefined ? { date: server['scheduled_at'] } : {}) };

  return (
    <Dialog
      open
      title="Reschedule the session"
      description={`${session.participant.name} gets an update with the new time; their calendar entry and reminders move along.`}
      onClose={onClose}
      onSubmit={() => {
        setErrors({});
        save.mutate();
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save new time
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.error !== null && Object.keys(shown).length === 0 ? <ErrorNotice error={save.error} title="The session was not rescheduled" /> : null}
        <ScheduleFields form={form} errors={shown} onChange={setForm} idPrefix="reschedule" />
      </div>
    </Dialog>
  );
}
