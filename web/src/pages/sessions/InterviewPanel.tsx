import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { errorMessage, unwrap } from '../../api/client';
import type { Session } from '../../api/models';
import { sessionKeys } from '../../api/sessions';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { formatDateTime } from '../../lib/format';
import { RECOMMENDATION_CHOICES } from '../../lib/labels';

type Detail = NonNullable<Awaited<ReturnType<typeof useInterviewDetail>['data']>>;

function useInterviewDetail(sessionId: string) {
  const api = useApi();
  const { slug } = useAccount();
  return useQuery({
    queryKey: [...sessionKeys.one(slug, sessionId), 'interview'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/sessions/{id}/interview', { params: { path: { id: sessionId }, query: { accountSlug: slug } } }))).data,
  });
}

function useTranscript(sessionId: string, enabled: boolean) {
  const api = useApi();
  const { slug } = useAccount();
  return useQuery({
    queryKey: [...sessionKeys.one(slug, sessionId), 'transcript'],
    enabled,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/sessions/{id}/transcript', { params: { path: { id: sessionId }, query: { accountSlug: slug } } }))).data,
  });
}

function scoredByText(by: Detail['scoring']['scored_by']): string {
  if (by === null) return '—';
  if (by.type === 'interviewer') return `Docket's interviewer (${by.model ?? 'model'})`;
  if (by.type === 'user') return by.name ?? 'A team member';
  return 'An API key';
}

/**
 * The session's interview for the team (SPEC §8, §10): the scorecard with each dimension's
 * evidence linked to its turn, the transcript as a conversation, the authenticity signals,
 * and the review form through which a person scores or overrides.
 */
export function InterviewPanel({ session }: { session: Session }) {
  const detail = useInterviewDetail(session.id);
  const started = session.started_at !== null;
  const transcript = useTranscript(session.id, started);
  const account = useAccount();
  if (detail.isError) return <ErrorNotice error={detail.error} title="The interview could not be loaded" />;
  const data = detail.data;
  return (
    <>
      {session.scored_at !== null ? (
        <section className="card" aria-labelledby="session-scorecard">
          <div className="card-header">
            <h2 id="session-scorecard">Scorecard</h2>
            {session.passed === null ? null : <Badge tone={session.passed ? 'green' : 'red'}>{session.passed ? 'Passed' : 'Not passed'}</Badge>}
          </div>
          <div className="card-body stack">
            <dl className="dl">
              <dt>Score</dt>
              <dd>{session.score ?? '—'} / 10</dd>
              <dt>Recommendation</dt>
              <dd>{session.recommendation?.replace(/_/g, ' ') ?? '—'}</dd>
              <dt>Scored by</dt>
              <dd>
                {scoredByText(data?.scoring.scored_by ?? null)} · {formatDateTime(session.scored_at)}
              </dd>
            </dl>
            {session.summary !== null ? <p>{session.summary}</p> : null}
            <ul className="score-list" aria-label="Dimensions">
              {(session.evaluation_breakdown ?? []).map((d) => (
                <li key={d.name} className="score-item">
                  <div className="row">
                    <strong>{d.name}</strong>
                    <span className="subtle">
                      {d.score} / 10{d.weight !== undefined ? ` · weight ${d.weight}` : ''}
                    </span>
                  </div>
                  {d.reasoning !== undefined && d.reasoning !== '' ? <p className="subtle">{d.reasoning}</p> : null}
                  {(d.evidence ?? []).map((e, i) => (
                    <blockquote key={i} className="evidence">
                      “{e.quote}”{' '}
                      {e.turn_seq !== undefined ? (
                        <a href={`#turn-${e.turn_seq}`} aria-label={`Turn ${e.turn_seq} in the transcript`}>
                          turn {e.turn_seq}
                        </a>
                      ) : null}
                    </blockquote>
                  ))}
                </li>
              ))}
            </ul>
            {(data?.scoring.overrides ?? []).length > 0 ? (
              <div className="stack">
                <h3>Replaced scorecards</h3>
                <ul className="stack">
                  {(data?.scoring.overrides ?? []).map((o, i) => {
                    const replaced = o.replaced as { score?: number; scored_by?: Detail['scoring']['scored_by'] };
                    return (
                      <li key={i} className="subtle">
                        {formatDateTime(o.at)}: {scoredByText(o.replaced_by)} replaced a score of {replaced.score ?? '—'} by {scoredByText(replaced.scored_by ?? null)}.
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
          </div>
        </section>
      ) : session.status === 'completed' ? (
        <section className="card" aria-labelledby="session-scorecard">
          <div className="card-header">
            <h2 id="session-scorecard">Scorecard</h2>
          </div>
          <div className="card-body">
            <p>
              {data?.scoring.status === 'pending'
                ? 'Being scored by the interviewer…'
                : data?.scoring.status === 'failed'
                  ? (data.scoring.error ?? 'Automatic scoring failed.')
                  : 'Waiting for a person to score it: use the review form below.'}
            </p>
          </div>
        </section>
      ) : null}

      {started ? (
        <section className="card" aria-labelledby="session-transcript">
          <div className="card-header">
            <h2 id="session-transcript">Transcript</h2>
            {data !== undefined ? (
              <span className="subtle">
                Tab switches: {data.authenticity_signals.tab_switches} · Pastes: {data.authenticity_signals.pastes}
              </span>
            ) : null}
          </div>
          <div className="card-body">
            {transcript.data === undefined ? (
              <p className="subtle">Loading…</p>
            ) : transcript.data.turns.length === 0 ? (
              <p className="subtle">No turns: this session was run by another interview engine.</p>
            ) : (
              <ol className="transcript" aria-label="Transcript">
                {transcript.data.turns.map((turn) => (
                  <li key={turn.seq} id={`turn-${turn.seq}`} className={`transcript-turn transcript-${turn.speaker}`} tabIndex={-1}>
                    <span className="transcript-meta">
                      {turn.seq}. {turn.speaker === 'interviewer' ? (data?.plan?.interviewer.name ?? 'Interviewer') : session.participant.name} ·{' '}
                      {formatDateTime(turn.at)}
                    </span>
                    <p>{turn.text}</p>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </section>
      ) : null}

      {session.status === 'completed' && account.canWrite && data?.plan !== null && data !== undefined ? (
        <ReviewForm session={session} detail={data} />
      ) : null}
    </>
  );
}

interface DimensionDraft {
  score: string;
  notes: string;
}

/** A person's scorecard: per-dimension scores and notes, a recommendation, a summary. */
function ReviewForm({ session, detail }: { session: Session; detail: Detail }) {
  const api = useApi();
  const account = useAccount();
  const toast = useToast();
  const queryClient = useQueryClient();
  const templates = useAllTemplates();
  const outcome = templates.data?.find((t) => t.id === session.evaluation_template_id)?.success_outcome ?? 'pass_fail';
  const dimensions = detail.plan?.dimensions ?? [];
  const existing = new Map((session.evaluation_breakdown ?? []).map((d) => [d.name, d]));
  const [drafts, setDrafts] = useState<Record<string, DimensionDraft>>(() =>
    Object.fromEntries(dimensions.map((d) => [d.name, { score: existing.get(d.name)?.score?.toString() ?? '', notes: existing.get(d.name)?.reasoning ?? '' }])),
  );
  const [recommendation, setRecommendation] = useState('');
  const [summary, setSummary] = useState(session.summary ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: async () =>
      (
        await unwrap(
          api.POST('/api/v1/sessions/{id}/scorecard', {
            params: { path: { id: session.id }, query: { accountSlug: account.slug } },
            body: {
              evaluation_breakdown: dimensions.map((d) => ({
                name: d.name,
                score: Number(drafts[d.name]?.score ?? ''),
                ...((drafts[d.name]?.notes ?? '').trim() !== '' ? { reasoning: (drafts[d.name]?.notes ?? '').trim() } : {}),
              })),
              ...(recommendation !== '' ? { recommendation } : {}),
              ...(summary.trim() !== '' ? { summary: summary.trim() } : {}),
            },
          }),
        )
      ).data,
    onSuccess: async (saved) => {
      queryClient.setQueryData(sessionKeys.one(account.slug, session.id), saved);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.one(account.slug, session.id) });
      toast.success(`Scorecard saved: ${saved.score ?? '—'} / 10`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const d of dimensions) {
      const value = Number(drafts[d.name]?.score ?? '');
      if ((drafts[d.name]?.score ?? '').trim() === '' || !Number.isFinite(value) || value < 0 || value > 10) found[d.name] = 'A score from 0 to 10.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate();
  };

  const automatic = detail.scoring.scored_by?.type === 'interviewer';
  return (
    <section className="card" aria-labelledby="review-title">
      <div className="card-header">
        <div>
          <h2 id="review-title">{automatic ? 'Override the score' : session.scored_at !== null ? 'Change the score' : 'Score this interview'}</h2>
          <p>Score each dimension of the rubric from 0 to 10; the overall score is weighted by the rubric and checked against the stage’s pass threshold.</p>
        </div>
      </div>
      <form className="card-body form" onSubmit={submit} noValidate aria-label="Review">
        {dimensions.map((d) => (
          <fieldset key={d.name} className="review-dimension">
            <legend>
              {d.name} <span className="subtle">(weight {d.weight}{d.threshold !== null ? `, at least ${d.threshold}` : ''})</span>
            </legend>
            <TextField
              label={`${d.name} score`}
              type="number"
              inputMode="decimal"
              min={0}
              max={10}
              step={0.5}
              required
              value={drafts[d.name]?.score ?? ''}
              error={errors[d.name]}
              onChange={(e) => setDrafts((all) => ({ ...all, [d.name]: { score: e.target.value, notes: all[d.name]?.notes ?? '' } }))}
            />
            <TextField
              label={`${d.name} notes`}
              optional
              maxLength={5000}
              value={drafts[d.name]?.notes ?? ''}
              onChange={(e) => setDrafts((all) => ({ ...all, [d.name]: { score: all[d.name]?.score ?? '', notes: e.target.value } }))}
            />
          </fieldset>
        ))}
        <SelectField label="Recommendation" value={recommendation} onChange={(e) => setRecommendation(e.target.value)}>
          <option value="">From the score</option>
          {RECOMMENDATION_CHOICES[outcome].map((r) => (
            <option key={r} value={r}>
              {r.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="Summary" optional rows={3} maxLength={5000} value={summary} onChange={(e) => setSummary(e.target.value)} />
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save scorecard
          </Button>
        </div>
      </form>
    </section>
  );
}
