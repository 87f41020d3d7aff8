import { describe, expect, it } from 'vitest';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { book, booked, inDays, issuePaths, seedParticipant, sessionEvents } from './helpers/sessions.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';

/** The test clock stands still, so the rate limiter's bucket never refills: make it deep enough. */
const UNLIMITED = { RATE_LIMIT_BURST: '1000000' };

const NO_SUCH_ID = '0190b6a0-0000-7000-8000-000000000000';

async function post(t: TestApp, id: string, action: string, body?: unknown) {
  return t.request('POST', `/api/v1/sessions/${id}/${action}`, body === undefined ? {} : { body });
}

forEachDatabase((dialect) => {
  const clock = new TestClock('2026-06-01T12:00:00.000Z');
  const t = useTestApp(dialect, { clock, env: UNLIMITED });

  describe('booking', () => {
    it('books with the published fields and answers the whole session object', async () => {
      const seed = await seedParticipant(t(), { externalId: 'greenhouse-8821' });
      const scheduledAt = '2026-06-10T09:30:00.000Z';
      const res = await book(t(), {
        candidate_id: seed.participantId,
        evaluation_template_id: seed.templateId,
        stage: 'technical',
        interview_id: seed.stages.technical,
        scheduled_at: '2026-06-10T11:30:00+02:00',
        timezone: 'Europe/Berlin',
        notes: 'Ask about the migration project.',
        force: false,
        accountSlug: t().account.slug,
      });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
      const session = res.body.data;
      expect(session).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        candidate_id: seed.participantId,
        evaluation_template_id: seed.templateId,
        stage: 'technical',
        interview_id: seed.stages.technical,
        scheduled_at: scheduledAt,
        timezone: 'Europe/Berlin',
        duration_minutes: 60,
        notes: 'Ask about the migration project.',
        status: 'scheduled',
        status_history: [{ status: 'scheduled', at: clock.now().toISOString() }],
        invite: { status: 'queued', kind: 'invite', last_sent_at: null, attempts: 0, last_error: null },
        participant: { name: 'Jane Smith', email: seed.email, external_id: 'greenhouse-8821' },
        started_at: null,
        ended_at: null,
        score: null,
        passed: null,
        recommendation: null,
        evaluation_breakdown: null,
        summary: null,
        transcript_url: null,
        recording_url: null,
        created_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      });
      // ≥128 bits of token in the link (43 base64url characters = 256 bits).
      expect(session.join_url).toMatch(/^http:\/\/docket\.test\/join\/[A-Za-z0-9_-]{43}$/);
      expect((await t().request('GET', `/api/v1/sessions/${session.id}`)).body.data).toEqual(session);

      const [created] = await sessionEvents(t(), session.id);
      expect(created?.type).toBe('session.created');
      expect(created?.data.session).toMatchObject({
        id: session.id,
        candidate_id: seed.participantId,
        evaluation_template_id: seed.templateId,
        external_id: 'greenhouse-8821',
        status: 'scheduled',
      });
    });

    it('defaults: the participant’s template, its first stage, UTC, no time (join whenever ready)', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId });
      expect(session).toMatchObject({
        evaluation_template_id: seed.templateId,
        stage: 'screen',
        interview_id: seed.stages.screen,
        scheduled_at: null,
        timezone: 'UTC',
        duration_minutes: 30,
        notes: null,
      });
    });

    it('a template without stages has the implicit screen stage (no interview_id) and its default duration', async () => {
      const template = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Stageless', default_duration_minutes: 45 } });
      const participant = await t().request('POST', '/api/v1/participants', { body: { name: 'Ann', email: 'ann-stageless@example.com' } });
      const session = await booked(t(), { candidate_id: participant.body.data.id, evaluation_template_id: template.body.data.id, stage: 'screen' });
      expect(session).toMatchObject({ stage: 'screen', interview_id: null, duration_minutes: 45 });
    });

    it('validates every field, listing each bad one', async () => {
      const seed = await seedParticipant(t());
      const bad = await book(t(), {
        candidate_id: 'not-a-uuid',
        evaluation_template_id: 42,
        stage: 'Has Spaces',
        interview_id: 'x',
        scheduled_at: 'tomorrow',
        timezone: '',
        notes: 'n'.repeat(1001),
        force: 'yes',
        idempotency_key: '',
        surprise: true,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
      expect(issuePaths(bad).sort()).toEqual(
        ['candidate_id', 'evaluation_template_id', 'force', 'idempotency_key', 'interview_id', 'notes', 'scheduled_at', 'stage', 'surprise', 'timezone'].sort(),
      );

      const zone = await book(t(), { candidate_id: seed.participantId, timezone: 'Mars/Olympus_Mons' });
      expect(zone.statusCode).toBe(400);
      expect(zone.body.issues).toEqual([expect.objectContaining({ path: 'timezone', code: 'invalid_time_zone' })]);
      // Valid zones that Intl.supportedValuesOf does not list are accepted, and kept as given.
      const kyiv = await booked(t(), { candidate_id: seed.participantId, timezone: 'Europe/Kyiv' });
      expect(kyiv.timezone).toBe('Europe/Kyiv');

      const other = await seedParticipant(t());
      const past = await book(t(), { candidate_id: other.participantId, scheduled_at: '2026-06-01T11:59:00Z' });
      expect(past.statusCode).toBe(400);
      expect(past.body.issues).toEqual([expect.objectContaining({ path: 'scheduled_at', code: 'in_past' })]);
      const now = await book(t(), { candidate_id: other.participantId, scheduled_at: clock.now().toISOString() });
      expect(now.body.issues).toEqual([expect.objectContaining({ code: 'in_past' })]);
      const absurd = await book(t(), { candidate_id: other.participantId, scheduled_at: '2099-01-01T00:00:00Z' });
      expect(absurd.statusCode).toBe(400);
      expect(absurd.body.issues).toEqual([expect.objectContaining({ path: 'scheduled_at', code: 'too_far' })]);
      for (const value of ['2026-06-10 10:00', '2026-06-10T10:00:00', '2026-02-30T10:00:00Z', '2026-06-10T25:00:00Z']) {
        const res = await book(t(), { candidate_id: other.participantId, scheduled_at: value });
        expect(res.statusCode, value).toBe(400);
        expect(issuePaths(res), value).toEqual(['scheduled_at']);
      }
      const both = await book(t(), { candidate_id: other.participantId, scheduled_at: '2020-01-01T00:00:00Z', timezone: 'Nowhere/Land' });
      expect(issuePaths(both).sort()).toEqual(['scheduled_at', 'timezone']);
      // Nothing was written by any refused request.
      const list = await t().request('GET', '/api/v1/sessions', { query: { candidate_id: other.participantId } });
      expect(list.body.data).toEqual([]);
    });

    it('unknown stage or stage id → 404; a stage that contradicts interview_id → 400', async () => {
      const seed = await seedParticipant(t());
      const unknown = await book(t(), { candidate_id: seed.participantId, stage: 'final' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body.issues).toEqual([expect.objectContaining({ path: 'stage', code: 'not_found' })]);
      expect(unknown.body.error).toContain('final');
      const unknownId = await book(t(), { candidate_id: seed.participantId, interview_id: NO_SUCH_ID });
      expect(unknownId.statusCode).toBe(404);
      expect(issuePaths(unknownId)).toEqual(['interview_id']);
      const mismatch = await book(t(), { candidate_id: seed.participantId, stage: 'screen', interview_id: seed.stages.technical });
      expect(mismatch.statusCode).toBe(400);
      expect(issuePaths(mismatch)).toEqual(['stage']);
      // A stage of another template of the same account is not a stage of this one.
      const otherTemplate = await seedParticipant(t());
      const foreign = await book(t(), { candidate_id: seed.participantId, interview_id: otherTemplate.stages.screen });
      expect(foreign.statusCode).toBe(404);
    });

    it("another account's participant or template → 404; unknown ones too; no template at all → 400", async () => {
      const other = await t().createAccount(`other-${dialect}`);
      const theirs = await seedParticipant(t(), { key: other.apiKey });
      const mine = await seedParticipant(t());
      const participant = await book(t(), { candidate_id: theirs.participantId });
      expect(participant.statusCode).toBe(404);
      expect(issuePaths(participant)).toEqual(['candidate_id']);
      expect(JSON.stringify(participant.body)).not.toContain(theirs.participantId);
      const template = await book(t(), { candidate_id: mine.participantId, evaluation_template_id: theirs.templateId });
      expect(template.statusCode).toBe(404);
      expect(issuePaths(template)).toEqual(['evaluation_template_id']);
      expect((await book(t(), { candidate_id: NO_SUCH_ID })).statusCode).toBe(404);
      // Their stage id with my template.
      expect((await book(t(), { candidate_id: mine.participantId, interview_id: theirs.stages.screen })).statusCode).toBe(404);

      const loose = await t().request('POST', '/api/v1/participants', { body: { name: 'No Template', email: `loose-${dialect}@example.com` } });
      const none = await book(t(), { candidate_id: loose.body.data.id });
      expect(none.statusCode).toBe(400);
      expect(none.body.issues).toEqual([expect.objectContaining({ path: 'evaluation_template_id', code: 'required' })]);
      // Another template of the account may be named explicitly.
      expect((await book(t(), { candidate_id: loose.body.data.id, evaluation_template_id: mine.templateId })).statusCode).toBe(201);
    });

    it('an archived participant cannot be booked (409); archiving leaves existing sessions alone', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: inDays(t(), 3) });
      await t().request('PATCH', `/api/v1/participants/${seed.participantId}`, { body: { status: 'archived' } });
      const res = await book(t(), { candidate_id: seed.participantId, stage: 'technical' });
      expect(res.statusCode).toBe(409);
      expect(res.body.code).toBe('participant_archived');
      expect((await t().request('GET', `/api/v1/sessions/${session.id}`)).body.data.status).toBe('scheduled');
    });

    it('an open session for the same participant and stage → 409 session_exists with existing_id, unless force', async () => {
      const seed = await seedParticipant(t());
      const first = await booked(t(), { candidate_id: seed.participantId, stage: 'screen', scheduled_at: inDays(t(), 2) });
      const again = await book(t(), { candidate_id: seed.participantId, stage: 'screen' });
      expect(again.statusCode).toBe(409);
      expect(again.body).toMatchObject({ code: 'session_exists', existing_id: first.id });
      // Another stage is another session.
      const technical = await booked(t(), { candidate_id: seed.participantId, stage: 'technical' });

      // force: the scheduled one is cancelled (and the participant told), the new one booked.
      const forced = await booked(t(), { candidate_id: seed.participantId, stage: 'screen', force: true, scheduled_at: inDays(t(), 4) });
      const replaced = (await t().request('GET', `/api/v1/sessions/${first.id}`)).body.data;
      expect(replaced.status).toBe('cancelled');
      expect(replaced.status_history.at(-1)).toMatchObject({ status: 'cancelled', reason: expect.stringContaining('replaced') });
      expect(replaced.invite).toMatchObject({ kind: 'cancellation' });

      // A session in progress is never replaced, even with force.
      await post(t(), technical.id, 'start');
      const running = await book(t(), { candidate_id: seed.participantId, stage: 'technical', force: true });
      expect(running.statusCode).toBe(409);
      expect(running.body).toMatchObject({ code: 'session_exists', existing_id: technical.id });
      // Once it ends, the stage may be booked again.
      await post(t(), technical.id, 'complete');
      expect((await book(t(), { candidate_id: seed.participantId, stage: 'technical' })).statusCode).toBe(201);
      // Cancelled sessions do not hold the place either.
      await post(t(), forced.id, 'cancel');
      expect((await book(t(), { candidate_id: seed.participantId, stage: 'screen' })).statusCode).toBe(201);
    });

    it('replays the first response for the same idempotency key in the body or the header; another body → 409', async () => {
      const seed = await seedParticipant(t());
      const body = { candidate_id: seed.participantId, stage: 'screen', idempotency_key: `book-${dialect}-1` };
      const first = await book(t(), body);
      expect(first.statusCode).toBe(201);
      const retry = await book(t(), body);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.data.id).toBe(first.body.data.id);
      const changed = await book(t(), { ...body, notes: 'different' });
      expect(changed.statusCode).toBe(409);
      expect(changed.body.code).toBe('idempotency_key_reused');

      const headerBody = { candidate_id: seed.participantId, stage: 'technical' };
      const headers = { 'idempotency-key': `book-${dialect}-2` };
      const byHeader = await book(t(), headerBody, { headers });
      const replayed = await book(t(), headerBody, { headers });
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.body.data.id).toBe(byHeader.body.data.id);
      const sessions = await t().request('GET', '/api/v1/sessions', { query: { candidate_id: seed.participantId } });
      expect(sessions.body.data).toHaveLength(2);
      // One invite per booking, not per retry.
      const messages = await t().db.handle.db.selectFrom('mail_messages').select('id').where('to_address', '=', seed.email).execute();
      expect(messages).toHaveLength(2);
    });
  });

  describe('reading', () => {
    it('lists with every filter, in both pagination modes, newest first', async () => {
      const other = await t().createAccount(`list-${dialect}`);
      const a = await seedParticipant(t(), { key: other.apiKey });
      const b = await seedParticipant(t(), { key: other.apiKey, templateName: 'Sales' });
      const key = { key: other.apiKey };
      const s1 = (await t().request('POST', '/api/v1/sessions', { ...key, body: { candidate_id: a.participantId, stage: 'screen', scheduled_at: '2026-06-05T10:00:00Z' } })).body.data;
      clock.advance(1000);
      const s2 = (await t().request('POST', '/api/v1/sessions', { ...key, body: { candidate_id: a.participantId, stage: 'technical', scheduled_at: '2026-06-20T10:00:00Z' } })).body.data;
      clock.advance(1000);
      const s3 = (await t().request('POST', '/api/v1/sessions', { ...key, body: { candidate_id: b.participantId } })).body.data;
      clock.advance(1000);
      await t().request('POST', `/api/v1/sessions/${s1.id}/cancel`, key);
      const list = async (query: Record<string, string | number>) =>
        (await t().request('GET', '/api/v1/sessions', { ...key, query })).body as { data: { id: string }[]; meta: Record<string, unknown> };
      const ids = async (query: Record<string, string | number>) => (await list(query)).data.map((s) => s.id);

      expect(await ids({})).toEqual([s3.id, s2.id, s1.id]);
      expect((await list({})).meta).toEqual({ page: 1, pageSize: 25, total: 3, totalPages: 1 });
      expect(await ids({ candidate_id: a.participantId })).toEqual([s2.id, s1.id]);
      expect(await ids({ status: 'cancelled' })).toEqual([s1.id]);
      expect(await ids({ status: 'scheduled' })).toEqual([s3.id, s2.id]);
      expect(await ids({ evaluation_template_id: b.templateId })).toEqual([s3.id]);
      expect(await ids({ stage: 'technical' })).toEqual([s2.id]);
      expect(await ids({ scheduled_after: '2026-06-10T00:00:00Z' })).toEqual([s2.id]);
      expect(await ids({ scheduled_before: '2026-06-10T00:00:00Z' })).toEqual([s1.id]);
      expect(await ids({ scheduled_after: '2026-06-05T10:00:00Z', scheduled_before: '2026-06-20T10:00:00Z' })).toEqual([s1.id]);
      expect(await ids({ updated_after: s3.created_at })).toEqual([s3.id, s1.id]);
      expect(await ids({ page: 2, pageSize: 2 })).toEqual([s1.id]);

      const first = await list({ limit: 2 });
      expect(first.data.map((s) => s.id)).toEqual([s3.id, s2.id]);
      expect(first.meta).toMatchObject({ has_more: true });
      // A session booked meanwhile does not shift the next page.
      await t().request('POST', '/api/v1/sessions', { ...key, body: { candidate_id: b.participantId, stage: 'technical' } });
      const second = await list({ limit: 2, cursor: String(first.meta['next_cursor']) });
      expect(second.data.map((s) => s.id)).toEqual([s1.id]);
      expect(second.meta).toMatchObject({ has_more: false, next_cursor: null });
      // The cursor keeps its filters.
      const filtered = await list({ limit: 1, candidate_id: a.participantId });
      const next = await t().request('GET', '/api/v1/sessions', { ...key, query: { limit: 1, cursor: String(filtered.meta['next_cursor']), candidate_id: b.participantId } });
      expect(next.statusCode).toBe(400);
      expect(next.body.code).toBe('invalid_cursor');

      const badQuery = await t().request('GET', '/api/v1/sessions', { ...key, query: { status: 'done', scheduled_after: 'soon', stage: '' } });
      expect(badQuery.statusCode).toBe(400);
      expect(issuePaths(badQuery).sort()).toEqual(['scheduled_after', 'stage', 'status']);
      // The main account sees none of these.
      expect((await t().request('GET', '/api/v1/sessions', { query: { candidate_id: a.participantId } })).body.data).toEqual([]);
      expect((await t().request('GET', `/api/v1/sessions/${s1.id}`)).statusCode).toBe(404);
    });
  });

  describe('the lifecycle', () => {
    it('scheduled → in_progress → completed → scored, each step in the history with its event', async () => {
      const seed = await seedParticipant(t(), { externalId: 'lms-7' });
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: inDays(t(), 1) });
      clock.advance(60_000);
      const started = await post(t(), session.id, 'start');
      expect(started.statusCode).toBe(200);
      expect(started.body.data).toMatchObject({ status: 'in_progress', started_at: clock.now().toISOString(), ended_at: null });
      clock.advance(60_000);
      const completed = await post(t(), session.id, 'complete', {});
      expect(completed.body.data).toMatchObject({ status: 'completed', ended_at: clock.now().toISOString() });
      expect(completed.body.data.status_history.map((h: { status: string }) => h.status)).toEqual(['scheduled', 'in_progress', 'completed']);

      const scorecard = {
        score: 7.5,
        passed: true,
        recommendation: 'hire',
        evaluation_breakdown: [
          { name: 'Problem solving', score: 8, weight: 60, reasoning: 'Clear steps.', evidence: [{ turn_seq: 3, quote: 'I would index it.' }] },
          { name: 'Communication', score: 6.75, weight: 40 },
        ],
        summary: 'Strong on design.',
        transcript_url: 'https://engine.example.com/t/1',
        recording_url: 'https://engine.example.com/r/1',
      };
      const scored = await post(t(), session.id, 'scorecard', scorecard);
      expect(scored.statusCode, JSON.stringify(scored.body)).toBe(200);
      expect(scored.body.data).toMatchObject({ ...scorecard, status: 'completed', scored_at: clock.now().toISOString() });
      // A later scorecard overrides it; the status stays.
      const override = await post(t(), session.id, 'scorecard', { score: 4, recommendation: 'no_hire', passed: false });
      expect(override.body.data).toMatchObject({ score: 4, recommendation: 'no_hire', passed: false, summary: null, status: 'completed' });

      const events = await sessionEvents(t(), session.id);
      expect(events.map((e) => e.type)).toEqual(['session.created', 'session.started', 'session.completed', 'session.scored', 'session.scored']);
      for (const event of events) {
        expect(event.data.session).toMatchObject({ candidate_id: seed.participantId, evaluation_template_id: seed.templateId, external_id: 'lms-7' });
      }
      expect(events[3]?.data.session).toMatchObject({ score: 7.5, recommendation: 'hire' });
    });

    it('in_progress → failed with a reason; cancel with and without a reason', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId });
      await post(t(), session.id, 'start');
      const failed = await post(t(), session.id, 'fail', { reason: 'The participant left after two questions.' });
      expect(failed.body.data.status).toBe('failed');
      expect(failed.body.data.status_history.at(-1)).toMatchObject({ status: 'failed', reason: 'The participant left after two questions.' });
      expect((await post(t(), session.id, 'fail', {})).statusCode).toBe(400);
      const [, , failedEvent] = await sessionEvents(t(), session.id);
      expect(failedEvent).toMatchObject({ type: 'session.failed', data: { reason: 'The participant left after two questions.' } });

      const other = await booked(t(), { candidate_id: seed.participantId, stage: 'technical' });
      const cancelled = await post(t(), other.id, 'cancel', { reason: 'Position filled' });
      expect(cancelled.body.data.status_history.at(-1)).toMatchObject({ status: 'cancelled', reason: 'Position filled' });
      const third = await booked(t(), { candidate_id: seed.participantId, stage: 'technical' });
      const plain = await t().request('POST', `/api/v1/sessions/${third.id}/cancel`);
      expect(plain.statusCode).toBe(200);
      expect(plain.body.data.status_history.at(-1)).toEqual({ status: 'cancelled', at: clock.now().toISOString() });
      expect((await post(t(), third.id, 'cancel', { reason: '' })).statusCode).toBe(400);
    });

    it('refuses every move the lifecycle does not allow (409 invalid_transition), changing nothing', async () => {
      const seed = await seedParticipant(t());
      let n = 0;
      const session = async (to: 'scheduled' | 'in_progress' | 'completed' | 'failed' | 'cancelled') => {
        n += 1;
        const person = await t().request('POST', '/api/v1/participants', {
          body: { name: `Person ${n}`, email: `lifecycle-${n}@example.com`, evaluation_template_id: seed.templateId },
        });
        const s = await booked(t(), { candidate_id: person.body.data.id });
        if (to === 'in_progress' || to === 'completed' || to === 'failed') await post(t(), s.id, 'start');
        if (to === 'completed') await post(t(), s.id, 'complete');
        if (to === 'failed') await post(t(), s.id, 'fail', { reason: 'x' });
        if (to === 'cancelled') await post(t(), s.id, 'cancel');
        return s.id;
      };
      const refused: [string, string, unknown?][] = [
        ['scheduled', 'complete'],
        ['scheduled', 'fail', { reason: 'x' }],
        ['scheduled', 'scorecard', { score: 5 }],
        ['in_progress', 'start'],
        ['in_progress', 'cancel'],
        ['in_progress', 'resend-invite'],
        ['in_progress', 'scorecard', { score: 5 }],
        ['completed', 'start'],
        ['completed', 'complete'],
        ['completed', 'fail', { reason: 'x' }],
        ['completed', 'cancel'],
        ['completed', 'resend-invite'],
        ['failed', 'start'],
        ['failed', 'complete'],
        ['failed', 'fail', { reason: 'x' }],
        ['failed', 'cancel'],
        ['failed', 'scorecard', { score: 5 }],
        ['cancelled', 'start'],
        ['cancelled', 'complete'],
        ['cancelled', 'fail', { reason: 'x' }],
        ['cancelled', 'cancel'],
        ['cancelled', 'resend-invite'],
        ['cancelled', 'scorecard', { score: 5 }],
      ];
      for (const [from, action, body] of refused) {
        const id = await session(from as 'scheduled');
        const before = (await t().request('GET', `/api/v1/sessions/${id}`)).body.data;
        const res = await post(t(), id, action, body);
        expect({ from, action, status: res.statusCode, code: res.body.code }).toEqual({ from, action, status: 409, code: 'invalid_transition' });
        expect(res.body.status).toBe(from);
        expect((await t().request('GET', `/api/v1/sessions/${id}`)).body.data).toEqual(before);
      }
      for (const from of ['in_progress', 'completed', 'failed', 'cancelled'] as const) {
        const id = await session(from);
        const res = await t().request('PATCH', `/api/v1/sessions/${id}`, { body: { scheduled_at: inDays(t(), 3) } });
        expect({ from, status: res.statusCode, code: res.body.code }).toEqual({ from, status: 409, code: 'invalid_transition' });
      }
      expect((await post(t(), NO_SUCH_ID, 'start')).statusCode).toBe(404);
    });

    it('the scorecard is validated, its recommendation in the template’s vocabulary', async () => {
      const seed = await seedParticipant(t(), { outcome: 'pass_fail' });
      const session = await booked(t(), { candidate_id: seed.participantId });
      await post(t(), session.id, 'start');
      await post(t(), session.id, 'complete');
      const bad = await post(t(), session.id, 'scorecard', {
        score: 11,
        passed: 'yes',
        recommendation: 'Hire!',
        evaluation_breakdown: [{ name: '', score: -1, extra: 1 }],
        summary: 's'.repeat(5001),
        transcript_url: 'ftp://example.com/t',
        recording_url: 'not a url',
      });
      expect(bad.statusCode).toBe(400);
      expect(issuePaths(bad)).toEqual(
        expect.arrayContaining(['score', 'passed', 'recommendation', 'evaluation_breakdown.0.name', 'evaluation_breakdown.0.score', 'evaluation_breakdown.0.extra', 'summary', 'transcript_url', 'recording_url']),
      );
      expect((await post(t(), session.id, 'scorecard', {})).statusCode).toBe(400);
      const vocabulary = await post(t(), session.id, 'scorecard', { score: 8, recommendation: 'hire' });
      expect(vocabulary.statusCode).toBe(400);
      expect(vocabulary.body.issues).toEqual([expect.objectContaining({ path: 'recommendation', message: 'must be one of: pass, fail' })]);
      expect((await post(t(), session.id, 'scorecard', { score: 8, recommendation: 'pass' })).statusCode).toBe(200);
    });

    it('reschedules a scheduled session: new time and zone, or no fixed time; an unchanged time changes nothing', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: inDays(t(), 2, 9), timezone: 'Europe/Berlin' });
      const moved = await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: inDays(t(), 5, 14), timezone: 'America/New_York' } });
      expect(moved.statusCode).toBe(200);
      expect(moved.body.data).toMatchObject({ scheduled_at: inDays(t(), 5, 14), timezone: 'America/New_York', status: 'scheduled' });
      const keepZone = await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: inDays(t(), 6, 14) } });
      expect(keepZone.body.data.timezone).toBe('America/New_York');
      const same = await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: inDays(t(), 6, 14) } });
      expect(same.body.data.updated_at).toBe(keepZone.body.data.updated_at);
      const open = await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: null } });
      expect(open.body.data.scheduled_at).toBeNull();

      const events = await sessionEvents(t(), session.id);
      expect(events.map((e) => e.type)).toEqual(['session.created', 'session.rescheduled', 'session.rescheduled', 'session.rescheduled']);
      expect(events[1]?.data['previous']).toEqual({ scheduled_at: inDays(t(), 2, 9), timezone: 'Europe/Berlin' });

      for (const body of [{}, { timezone: 'UTC' }, { scheduled_at: '2020-01-01T00:00:00Z' }, { scheduled_at: inDays(t(), 3), timezone: 'Bad/Zone' }, { scheduled_at: inDays(t(), 3), notes: 'x' }]) {
        const res = await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
      }
      expect((await t().request('PATCH', `/api/v1/sessions/${NO_SUCH_ID}`, { body: { scheduled_at: null } })).statusCode).toBe(404);
    });
  });

  describe('participants and templates', () => {
    it('deleting a participant cancels their open sessions, queues the cancellations, and fails a running one', async () => {
      const seed = await seedParticipant(t(), { externalId: 'ats-del' });
      const scheduled = await booked(t(), { candidate_id: seed.participantId, scheduled_at: inDays(t(), 2) });
      const running = await booked(t(), { candidate_id: seed.participantId, stage: 'technical' });
      await post(t(), running.id, 'start');
      await t().drain();
      const reminders = await t().db.handle.db.selectFrom('jobs').select('dedupe_key').where('dedupe_key', 'like', `session-reminder:${scheduled.id}:%`).execute();
      expect(reminders.length).toBeGreaterThan(0);

      expect((await t().request('DELETE', `/api/v1/participants/${seed.participantId}`)).statusCode).toBe(204);
      const events = await sessionEvents(t(), scheduled.id);
      expect(events.at(-1)).toMatchObject({ type: 'session.cancelled', data: { reason: 'participant deleted', session: { status: 'cancelled', external_id: 'ats-del' } } });
      expect((await sessionEvents(t(), running.id)).at(-1)).toMatchObject({ type: 'session.failed' });
      // The sessions went with the participant; the cancellation is on its way.
      expect((await t().request('GET', `/api/v1/sessions/${scheduled.id}`)).statusCode).toBe(404);
      expect(await t().db.handle.db.selectFrom('jobs').select('id').where('dedupe_key', 'like', `session-reminder:${scheduled.id}:%`).execute()).toEqual([]);
      await t().drain();
      const outbox = await t().request('GET', '/api/v1/outbox', { query: { session_id: scheduled.id } });
      expect(outbox.body.data.map((m: { kind: string }) => m.kind)).toEqual(['cancellation', 'invite']);
      expect(outbox.body.data[0]).toMatchObject({ to: seed.email, subject: expect.stringContaining('Cancelled') });
      expect(outbox.body.data[0].ics).toContain('METHOD:CANCEL');
    });

    it("a participant's timeline: their record, sessions, scores and messages, newest first", async () => {
      const seed = await seedParticipant(t());
      clock.advance(1000);
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: '2026-07-01T09:00:00Z', timezone: 'Europe/Berlin' });
      clock.advance(1000);
      await t().drain();
      clock.advance(1000);
      await post(t(), session.id, 'start');
      clock.advance(1000);
      await post(t(), session.id, 'complete');
      clock.advance(1000);
      await post(t(), session.id, 'scorecard', { score: 8, recommendation: 'hire', passed: true });
      const res = await t().request('GET', `/api/v1/participants/${seed.participantId}/timeline`);
      expect(res.statusCode).toBe(200);
      expect(res.body.data.map((i: { type: string }) => i.type)).toEqual([
        'session.scored',
        'session.completed',
        'session.started',
        'session.created',
        'mail.invite',
        'participant.created',
      ]);
      expect(res.body.data[0]).toMatchObject({ title: 'Session scored: Backend Engineer (Phone screen)', detail: 'score 8 · hire · passed', session_id: session.id });
      expect(res.body.data[3]).toMatchObject({ detail: 'Wednesday, July 1, 2026 at 11:00 AM (Europe/Berlin, GMT+2)' });
      expect(res.body.data[4]).toMatchObject({ title: 'Your interview: Backend Engineer (Phone screen)', detail: `To ${seed.email}: in the outbox` });
      expect((await t().request('GET', `/api/v1/participants/${NO_SUCH_ID}/timeline`)).statusCode).toBe(404);
    });

    it('a deletion that fails leaves the sessions as they were', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId });
      const reader = await t().createKey(['candidates.read']);
      expect((await t().request('DELETE', `/api/v1/participants/${seed.participantId}`, { key: reader })).statusCode).toBe(403);
      expect((await t().request('GET', `/api/v1/sessions/${session.id}`)).body.data.status).toBe('scheduled');
    });

    it('a template with sessions cannot be deleted', async () => {
      const seed = await seedParticipant(t());
      const loose = await t().request('POST', '/api/v1/participants', { body: { name: 'Loose', email: `loose2-${dialect}@example.com` } });
      const template = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Booked only' } });
      await booked(t(), { candidate_id: loose.body.data.id, evaluation_template_id: template.body.data.id });
      const refused = await t().request('DELETE', `/api/v1/evaluation-templates/${template.body.data.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.body.code).toBe('template_in_use');
      // Archiving it is the way, and leaves the session alone.
      expect((await t().request('PATCH', `/api/v1/evaluation-templates/${template.body.data.id}`, { body: { status: 'archived' } })).statusCode).toBe(200);
      expect(seed.templateId).toBeDefined();
    });
  });
});
