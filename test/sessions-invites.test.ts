import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { parseInvite } from './helpers/ics.js';
import { booked, seedParticipant } from './helpers/sessions.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './helpers/smtp.js';
import { createTestApp, disposeTestApp, useTestApp, type TestApp } from './helpers/test-app.js';

/** The test clock stands still, so the rate limiter's bucket never refills: make it deep enough. */
const UNLIMITED = { RATE_LIMIT_BURST: '1000000' };

const NOTES = 'INTERNAL: salary band 5, do not share';
const FROM = 'Acme Interviews <interviews@acme.test>';

function calendarOf(mail: ReceivedMail): string {
  const attachment = mail.parsed.attachments.find((a) => a.filename === 'invite.ics');
  if (attachment === undefined) throw new Error(`no calendar invitation in "${mail.parsed.subject ?? ''}"`);
  return attachment.content.toString('utf8');
}

async function reminderJobs(t: TestApp, sessionId: string) {
  return t.db.handle.db
    .selectFrom('jobs')
    .select(['dedupe_key', 'run_at', 'payload', 'status'])
    .where('dedupe_key', 'like', `session-reminder:${sessionId}:%`)
    .orderBy('run_at')
    .execute();
}

forEachDatabase((dialect) => {
  describe('over a real SMTP server on loopback', () => {
    let smtp: TestSmtpServer;
    let t: TestApp;
    // Booked while Kyiv is on summer time (GMT+3); the interview is after the clocks went back (GMT+2).
    const clock = new TestClock('2026-10-20T10:00:00.000Z');

    beforeAll(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp(dialect, { clock, env: { ...UNLIMITED, SMTP_URL: smtp.url, MAIL_FROM: FROM } });
    });
    afterAll(async () => {
      await disposeTestApp(t);
      await smtp.close();
    });
    beforeEach(() => {
      smtp.received.length = 0;
    });

    it('invites, updates and cancels: the same UID, a growing SEQUENCE, UTC times across a DST change, never the notes', async () => {
      const seed = await seedParticipant(t, { name: 'Olena Kovalenko' });
      // 9:00 in Kyiv on 2 November is 07:00 UTC (GMT+2), though at booking Kyiv was at GMT+3.
      const session = await booked(t, {
        candidate_id: seed.participantId,
        stage: 'technical',
        scheduled_at: '2026-11-02T09:00:00+02:00',
        timezone: 'Europe/Kyiv',
        notes: NOTES,
      });
      expect(session.scheduled_at).toBe('2026-11-02T07:00:00.000Z');
      expect(smtp.received).toEqual([]); // sending is a job, after commit
      await t.drain();
      expect(smtp.received).toHaveLength(1);
      const [invite] = smtp.received;
      if (invite === undefined) throw new Error('no invite');
      expect(invite.to).toEqual([seed.email]);
      expect(invite.from).toBe('interviews@acme.test');
      expect(invite.parsed.subject).toBe('Your interview: Backend Engineer (Technical interview)');
      const text = invite.parsed.text ?? '';
      expect(text).toContain('Hi Olena Kovalenko,');
      expect(text).toContain('When: Monday, November 2, 2026 at 9:00 AM (Europe/Kyiv, GMT+2)');
      expect(text).toContain('Duration: 60 minutes');
      expect(text).toContain('Interview: Backend Engineer');
      expect(text).toContain('Stage: Technical interview');
      expect(text).toContain(`Join the interview: ${session.join_url}`);
      const html = String(invite.parsed.html);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain(`<a href="${session.join_url}"`);
      expect(html).toContain('<th scope="row"');
      expect(html).toContain('Monday, November 2, 2026 at 9:00 AM (Europe/Kyiv, GMT+2)');

      const first = parseInvite(calendarOf(invite));
      expect(first).toMatchObject({
        method: 'REQUEST',
        uid: `${session.id}@docket.test`,
        sequence: 0,
        start: '2026-11-02T07:00:00.000Z',
        end: '2026-11-02T08:00:00.000Z',
        utc: true,
        status: 'CONFIRMED',
        summary: 'Interview: Backend Engineer (Technical interview)',
        organizer: 'mailto:interviews@acme.test',
        organizerName: 'Acme Interviews',
        attendee: `mailto:${seed.email}`,
        attendeeName: 'Olena Kovalenko',
      });
      expect(first.description).toContain(session.join_url);
      // The calendar part is also there as text/calendar with its method, for mail clients.
      expect(invite.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

      const sent = (await t.request('GET', `/api/v1/sessions/${session.id}`)).body.data;
      expect(sent.invite).toEqual({ status: 'sent', kind: 'invite', last_sent_at: clock.now().toISOString(), attempts: 1, last_error: null });

      clock.advance(3_600_000);
      await t.request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: '2026-11-03T14:30:00Z' } });
      await t.drain();
      const [update] = smtp.received.slice(-1);
      if (update === undefined) throw new Error('no update');
      expect(update.parsed.subject).toBe('Updated: your interview for Backend Engineer (Technical interview)');
      expect(update.parsed.text).toContain('from Monday, November 2, 2026 at 9:00 AM (Europe/Kyiv, GMT+2), to Tuesday, November 3, 2026 at 4:30 PM (Europe/Kyiv, GMT+2)');
      const second = parseInvite(calendarOf(update));
      expect(second).toMatchObject({ method: 'REQUEST', uid: first.uid, sequence: 1, start: '2026-11-03T14:30:00.000Z', utc: true });

      await t.request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: '2026-11-03T14:30:00Z', timezone: 'America/New_York' } });
      await t.drain();
      const third = parseInvite(calendarOf(smtp.received.at(-1) as ReceivedMail));
      expect(third).toMatchObject({ uid: first.uid, sequence: 2, start: '2026-11-03T14:30:00.000Z' });
      expect(smtp.received.at(-1)?.parsed.text).toContain('Tuesday, November 3, 2026 at 9:30 AM (America/New_York, GMT-5)');

      await t.request('POST', `/api/v1/sessions/${session.id}/cancel`, { body: { reason: NOTES } });
      await t.drain();
      const cancellation = smtp.received.at(-1) as ReceivedMail;
      expect(cancellation.parsed.subject).toBe('Cancelled: your interview for Backend Engineer (Technical interview)');
      const cancelled = parseInvite(calendarOf(cancellation));
      expect(cancelled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: first.uid, sequence: 3, start: '2026-11-03T14:30:00.000Z' });
      expect(cancellation.raw).toMatch(/method=CANCEL/i);
      expect((await t.request('GET', `/api/v1/sessions/${session.id}`)).body.data.invite).toMatchObject({ status: 'sent', kind: 'cancellation' });

      // Neither the notes nor the cancellation reason reach the participant, in any part.
      expect(smtp.received).toHaveLength(4);
      for (const mail of smtp.received) expect(mail.raw).not.toContain('salary band');
    });

    it("shows a refused invite as failed on the session, and a retried one with its attempts", async () => {
      const seed = await seedParticipant(t);
      smtp.refuse(seed.email, 451);
      const session = await booked(t, { candidate_id: seed.participantId, scheduled_at: '2026-11-05T10:00:00Z' });
      await t.drain();
      const retrying = (await t.request('GET', `/api/v1/sessions/${session.id}`)).body.data.invite;
      expect(retrying).toMatchObject({ status: 'queued', attempts: 1, last_sent_at: null, last_error: expect.stringContaining('451') });
      clock.advance(3_600_000);
      await t.drain();
      expect((await t.request('GET', `/api/v1/sessions/${session.id}`)).body.data.invite).toMatchObject({ status: 'sent', attempts: 2, last_error: null });

      const other = await seedParticipant(t);
      smtp.refuse(other.email, 550);
      const refused = await booked(t, { candidate_id: other.participantId });
      await t.drain();
      expect((await t.request('GET', `/api/v1/sessions/${refused.id}`)).body.data.invite).toMatchObject({
        status: 'failed',
        attempts: 1,
        last_sent_at: null,
        last_error: expect.stringContaining('550'),
      });
    });
  });

  describe('without SMTP: the outbox, reminders and resends', () => {
    const clock = new TestClock('2026-06-01T12:00:00.000Z');
    const t = useTestApp(dialect, { clock, env: UNLIMITED });

    it('keeps the invite in the outbox, readable as sent and as raw RFC 5322 with its calendar entry', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: '2026-06-03T15:00:00Z', timezone: 'Asia/Kolkata', notes: NOTES });
      await t().drain();
      const outbox = await t().request('GET', '/api/v1/outbox', { query: { session_id: session.id } });
      expect(outbox.body.data).toHaveLength(1);
      const message = outbox.body.data[0];
      expect(message).toMatchObject({ kind: 'invite', to: seed.email, session_id: session.id });
      expect(message.text).toContain('Wednesday, June 3, 2026 at 8:30 PM (Asia/Kolkata, GMT+5:30)');
      expect(parseInvite(message.ics)).toMatchObject({ method: 'REQUEST', sequence: 0, start: '2026-06-03T15:00:00.000Z', utc: true });
      const raw = await t().request('GET', `/api/v1/outbox/${message.id}/raw`);
      const parsed = await simpleParser(String(raw.body));
      expect(parsed.attachments.map((a) => a.filename)).toContain('invite.ics');
      expect(String(raw.body)).not.toContain('salary band');
      expect(JSON.stringify(message)).not.toContain('salary band');
      expect((await t().request('GET', `/api/v1/sessions/${session.id}`)).body.data.invite).toMatchObject({ status: 'outbox', attempts: 1 });
    });

    it('a session without a time: "whenever you’re ready", no calendar entry, no reminders', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId });
      await t().drain();
      const [message] = (await t().request('GET', '/api/v1/outbox', { query: { session_id: session.id } })).body.data;
      expect(message.text).toContain('When: Whenever you’re ready');
      expect(message.text).toContain('set aside about 30 minutes');
      expect(message.ics).toBeNull();
      expect(await reminderJobs(t(), session.id)).toEqual([]);
      // Given a time later, the participant gets a calendar entry with the update.
      await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: '2026-06-09T08:00:00Z' } });
      await t().drain();
      const [update] = (await t().request('GET', '/api/v1/outbox', { query: { session_id: session.id, kind: 'update' } })).body.data;
      expect(parseInvite(update.ics)).toMatchObject({ method: 'REQUEST', sequence: 1, start: '2026-06-09T08:00:00.000Z' });
      // And losing the time again withdraws the calendar entry.
      await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: null } });
      await t().drain();
      const [loose] = (await t().request('GET', '/api/v1/outbox', { query: { session_id: session.id, kind: 'update' } })).body.data;
      expect(loose.subject).toContain('Updated');
      expect(loose.text).toContain('Whenever you’re ready');
      expect(parseInvite(loose.ics)).toMatchObject({ method: 'CANCEL', sequence: 2, start: '2026-06-09T08:00:00.000Z' });
    });

    it('plans reminders 24 h and 1 h before, replaces them on reschedule, sends each once, drops them on cancel', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: '2026-06-05T12:00:00Z', timezone: 'Europe/Paris', notes: NOTES });
      const planned = await reminderJobs(t(), session.id);
      expect(planned.map((j) => [j.dedupe_key, j.run_at])).toEqual([
        [`session-reminder:${session.id}:24h`, '2026-06-04T12:00:00.000Z'],
        [`session-reminder:${session.id}:1h`, '2026-06-05T11:00:00.000Z'],
      ]);

      await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: '2026-06-06T09:00:00Z' } });
      const replaced = await reminderJobs(t(), session.id);
      expect(replaced.map((j) => [j.dedupe_key, j.run_at])).toEqual([
        [`session-reminder:${session.id}:24h`, '2026-06-05T09:00:00.000Z'],
        [`session-reminder:${session.id}:1h`, '2026-06-06T08:00:00.000Z'],
      ]);
      await t().drain(); // invite and update
      const count = async (kind: string) =>
        (await t().request('GET', '/api/v1/outbox', { query: { session_id: session.id, kind } })).body.data as { subject: string; text: string }[];
      // The old reminder time passes: nothing is sent.
      clock.set('2026-06-04T12:00:01Z');
      await t().drain();
      expect(await count('reminder')).toHaveLength(0);

      clock.set('2026-06-05T09:00:00Z');
      await t().drain();
      const [day] = await count('reminder');
      expect(day?.subject).toBe('Reminder: your interview for Backend Engineer (Phone screen) starts in 24 hours');
      expect(day?.text).toContain('Saturday, June 6, 2026 at 11:00 AM (Europe/Paris, GMT+2)');
      expect(day?.text).not.toContain('salary band');
      // A job that runs twice (a crash after sending) sends once.
      const payload = { sessionId: session.id, offset: '24h', scheduledAt: '2026-06-06T09:00:00.000Z' };
      await t().services.sessions.sendReminder(payload);
      // A reminder for a time the session no longer has sends nothing.
      await t().services.sessions.sendReminder({ ...payload, offset: '1h', scheduledAt: '2026-06-05T12:00:00.000Z' });
      expect(await count('reminder')).toHaveLength(1);

      clock.set('2026-06-06T08:00:00Z');
      await t().drain();
      expect((await count('reminder')).map((m) => m.subject)).toEqual([
        'Reminder: your interview for Backend Engineer (Phone screen) starts in 1 hour',
        'Reminder: your interview for Backend Engineer (Phone screen) starts in 24 hours',
      ]);
      expect(await reminderJobs(t(), session.id)).toEqual([]);

      // Cancelling drops the pending ones.
      const later = await booked(t(), { candidate_id: seed.participantId, stage: 'technical', scheduled_at: '2026-06-10T09:00:00Z' });
      expect(await reminderJobs(t(), later.id)).toHaveLength(2);
      await t().request('POST', `/api/v1/sessions/${later.id}/cancel`);
      expect(await reminderJobs(t(), later.id)).toEqual([]);
      clock.set('2026-06-10T08:30:00Z');
      await t().drain();
      expect((await t().request('GET', '/api/v1/outbox', { query: { session_id: later.id, kind: 'reminder' } })).body.data).toEqual([]);
    });

    it('plans only the reminders still ahead; starting the session drops them', async () => {
      clock.set('2026-06-20T12:00:00Z');
      const seed = await seedParticipant(t());
      const soon = await booked(t(), { candidate_id: seed.participantId, scheduled_at: '2026-06-20T14:00:00Z' });
      expect((await reminderJobs(t(), soon.id)).map((j) => j.run_at)).toEqual(['2026-06-20T13:00:00.000Z']);
      await t().request('POST', `/api/v1/sessions/${soon.id}/start`);
      expect(await reminderJobs(t(), soon.id)).toEqual([]);
    });

    it('resends the invite as it stands: same UID and SEQUENCE', async () => {
      clock.set('2026-07-01T12:00:00Z');
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: '2026-07-08T09:00:00Z' });
      await t().request('PATCH', `/api/v1/sessions/${session.id}`, { body: { scheduled_at: '2026-07-09T09:00:00Z' } });
      const resent = await t().request('POST', `/api/v1/sessions/${session.id}/resend-invite`);
      expect(resent.statusCode).toBe(200);
      expect(resent.body.data.invite).toMatchObject({ status: 'queued', kind: 'invite' });
      await t().drain();
      const invites = (await t().request('GET', '/api/v1/outbox', { query: { session_id: session.id, kind: 'invite' } })).body.data as { ics: string }[];
      expect(invites).toHaveLength(2);
      const [again, original] = invites.map((m) => parseInvite(m.ics));
      expect(original).toMatchObject({ sequence: 0, start: '2026-07-08T09:00:00.000Z' });
      expect(again).toMatchObject({ uid: original?.uid, sequence: 1, start: '2026-07-09T09:00:00.000Z' });
    });
  });

  describe('REMINDER_OFFSETS', () => {
    const clock = new TestClock('2026-06-01T12:00:00.000Z');
    const t = useTestApp(dialect, { clock, env: { ...UNLIMITED, REMINDER_OFFSETS: '2d,30m' } });

    it('changes when reminders go; a late one that a closer one overtook stays silent', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId, scheduled_at: '2026-06-05T12:00:00Z' });
      expect((await reminderJobs(t(), session.id)).map((j) => j.dedupe_key)).toEqual([
        `session-reminder:${session.id}:2d`,
        `session-reminder:${session.id}:30m`,
      ]);
      clock.set('2026-06-05T11:30:00Z');
      await t().drain();
      const subjects = ((await t().request('GET', '/api/v1/outbox', { query: { kind: 'reminder' } })).body.data as { subject: string }[]).map((m) => m.subject);
      expect(subjects).toEqual(['Reminder: your interview for Backend Engineer (Phone screen) starts in 30 minutes']);
    });
  });
});
