import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { ApiError, issuesByPath, unwrap } from '../../api/client';
import type { Participant, SessionCreateBody } from '../../api/models';
import { sessionKeys } from '../../api/sessions';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { browserTimeZone, utcToZoned } from '../../lib/zoned-time';
import { ScheduleFields, toSchedule, type ScheduleErrors, type ScheduleForm } from './ScheduleFields';

/** Books a session: for the given participant, or one picked here. Opens the new session on success. */
export function BookSessionDialog({ open, participant, onClose }: { open: boolean; participant?: Participant; onClose: () => void }) {
  return open ? <BookSessionForm participant={participant} onClose={onClose} /> : null;
}

function tomorrow(): string {
  return utcToZoned(new Date(Date.now() + 86_400_000).toISOString(), browserTimeZone()).date;
}

function BookSessionForm({ participant: given, onClose }: { participant: Participant | undefined; onClose: () => void }) {
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const templates = useAllTemplates({ fresh: true });
  const [picked, setPicked] = useState<Participant | undefined>(given);
  const [templateId, setTemplateId] = useState(given?.evaluation_template_id ?? '');
  const [stage, setStage] = useState('');
  const [schedule, setSchedule] = useState<ScheduleForm>({ mode: 'fixed', date: tomorrow(), time: '10:00', timeZone: browserTimeZone() });
  const [scheduleErrors, setScheduleErrors] = useState<ScheduleErrors>({});
  const [notes, setNotes] = useState('');
  const [formError, setFormError] = useState<string | undefined>();

  const template = templates.data?.find((t) => t.id === templateId);
  const stages = template?.stages ?? [];
  const stageType = stage !== '' && stages.some((s) => s.type === stage) ? stage : (stages[0]?.type ?? '');

  const book = useMutation({
    mutationFn: async (force: boolean) => {
      if (picked === undefined) throw new Error('Choose the participant.');
      const when = toSchedule(schedule);
      if ('errors' in when) {
        setScheduleErrors(when.errors);
        throw new Error('Check the date and time.');
      }
      const body: SessionCreateBody = {
        candidate_id: picked.id,
        evaluation_template_id: templateId,
        stage: stageType,
        scheduled_at: when.scheduled_at,
        timezone: when.timezone,
        ...(notes.trim() !== '' ? { notes: notes.trim() } : {}),
        ...(force ? { force: true } : {}),
      };
      return (await unwrap(api.POST('/api/v1/sessions', { params: { query: { accountSlug: account.slug } }, body }))).data;
    },
    onSuccess: async (session) => {
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all(account.slug) });
      toast.success(`Session booked; the invite is on its way to ${session.participant.email}`);
      onClose();
      void navigate(`${account.base}/sessions/${session.id}`);
    },
  });

  const error = book.error;
  const existing = error instanceof ApiError && error.code === 'session_exists' ? error : null;
  const serverIssues = issuesByPath(error);
  const errors: ScheduleErrors = { ...scheduleErrors, ...(serverIssues['scheduled_at'] !== undefined ? { date: serverIssues['scheduled_at'] } : {}) };

  const submit = (force: boolean) => {
    setScheduleErrors({});
    setFormError(undefined);
    if (picked === undefined) {
      setFormError('Choose the participant.');
      return;
    }
    if (templateId === '') {
      setFormError('Choose the evaluation template.');
      return;
    }
    book.mutate(force);
  };

  return (
    <Dialog
      open
      wide
      title={given !== undefined ? `Book a session for ${given.name}` : 'Book a session'}
      description="The participant gets an email invite with their personal link and, for a set time, a calendar entry."
      onClose={onClose}
      onSubmit={() => submit(false)}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={book.isPending}>
            Book session
          </Button>
        </>
      }
    >
      <div className="stack">
        {existing !== null ? (
          <ErrorNotice error={existing} title="This participant already has an open session for this stage">
            <div className="row">
              {existing.existingId !== undefined ? <Link to={`${account.base}/sessions/${existing.existingId}`}>Open the existing session</Link> : null}
              <Button size="sm" onClick={() => submit(true)} loading={book.isPending}>
                Replace it (cancels the scheduled one)
              </Button>
            </div>
          </ErrorNotice>
        ) : error !== null && Object.keys(errors).length === 0 ? (
          <ErrorNotice error={error} title="The session was not booked" />
        ) : null}
        {formError !== undefined ? <ErrorNotice error={new Error(formError)} /> : null}
        {given === undefined ? (
          <ParticipantPicker
            value={picked}
            onChange={(p) => {
              setPicked(p);
              if (p?.evaluation_template_id !== null && p?.evaluation_template_id !== undefined) setTemplateId(p.evaluation_template_id);
            }}
          />
        ) : null}
        <div className="form-grid">
          <SelectField id="book-template" label="Evaluation template" required value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">Choose a template</option>
            {(templates.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.template_name}
              </option>
            ))}
          </SelectField>
          <SelectField id="book-stage" label="Stage" required value={stageType} disabled={stages.length === 0} onChange={(e) => setStage(e.target.value)}>
            {stages.map((s) => (
              <option key={s.type} value={s.type}>
                {s.stage_name} ({s.duration_minutes} min)
              </option>
            ))}
          </SelectField>
        </div>
        <ScheduleFields form={schedule} errors={errors} onChange={setSchedule} idPrefix="book" />
        <TextAreaField
          id="book-notes"
          label="Notes"
          optional
          hint="For your team only: never shown to the participant."
          maxLength={1000}
          rows={3}
          value={notes}
          error={serverIssues['notes']}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
    </Dialog>
  );
}

/** Finds an active participant by name or email. */
function ParticipantPicker({ value, onChange }: { value: Participant | undefined; onChange: (participant: Participant | undefined) => void }) {
  const api = useApi();
  const account = useAccount();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const matches = useQuery({
    queryKey: [account.slug, 'participants', 'picker', q],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/participants', {
            params: { query: { accountSlug: account.slug, limit: 20, status: 'active', ...(q !== '' ? { q } : {}) } },
          }),
        )
      ).data,
  });
  const options = matches.data ?? [];
  const shown = value !== undefined && !options.some((p) => p.id === value.id) ? [value, ...options] : options;
  return (
    <div className="form-grid">
      <TextField id="book-find" label="Find participant" type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
      <SelectField
        id="book-participant"
        label="Participant"
        required
        value={value?.id ?? ''}
        onChange={(e) => onChange(shown.find((p) => p.id === e.target.value))}
        hint={matches.isFetching ? 'Searching…' : `${options.length === 20 ? 'First 20 matches' : `${options.length} found`}`}
      >
        <option value="">Choose a participant</option>
        {shown.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} — {p.email}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
