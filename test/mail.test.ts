import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewMail } from '../src/mail/mail.service.js';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp.js';
import { createTestApp, disposeTestApp, useTestApp, type TestApp } from './helpers/test-app.js';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Docket//Test//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:session-1@docket.test',
  'SEQUENCE:0',
  'DTSTAMP:20260601T120000Z',
  'DTSTART:20260610T090000Z',
  'DTEND:20260610T093000Z',
  'SUMMARY:Interview',
  'ORGANIZER:mailto:interviews@docket.test',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function mail(t: TestApp, overrides: Partial<NewMail> = {}): NewMail {
  return {
    accountId: t.account.id,
    kind: 'invite',
    to: 'jane@example.com',
    subject: 'Your interview for Backend Engineer',
    text: 'Hello Jane,\n\nJoin here: http://docket.test/join/abc\n',
    html: '<p>Hello Jane,</p><p><a href="http://docket.test/join/abc">Join</a></p>',
    ...overrides,
  };
}

const queue = (t: TestApp, message: NewMail) => t.ctx.database.transaction((tx) => t.services.mail.queue(tx, message));

forEachDatabase((dialect) => {
  describe('over SMTP', () => {
    let smtp: TestSmtpServer;
    let t: TestApp;
    const clock = new TestClock();

    beforeAll(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp(dialect, { clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Docket Interviews <interviews@docket.test>' } });
    });
    afterAll(async () => {
      await disposeTestApp(t);
      await smtp.close();
    });
    beforeEach(() => {
      smtp.received.length = 0;
    });

    it('delivers the message as queued: parts, sender, Message-ID and the calendar invitation', async () => {
      const row = await queue(t, mail(t, { ics: { method: 'REQUEST', content: ICS }, sessionId: '0190b6a0-0000-7000-8000-000000000001' }));
      expect(row.status).toBe('queued');
      expect(smtp.received).toEqual([]); // queueing sends nothing: the job does, after commit
      expect(await t.drain()).toMatchObject({ ran: 1, done: 1 });
      expect(smtp.received).toHaveLength(1);
      const [received] = smtp.received;
      expect(received?.to).toEqual(['jane@example.com']);
      expect(received?.from).toBe('interviews@docket.test');
      const parsed = received?.parsed;
      expect(parsed?.subject).toBe('Your interview for Backend Engineer');
      expect(parsed?.from?.value).toEqual([{ name: 'Docket Interviews', address: 'interviews@docket.test' }]);
      expect(parsed?.messageId).toBe(row.message_id);
      expect(parsed?.text).toContain('Join here: http://docket.test/join/abc');
      expect(parsed?.html).toContain('<a href="http://docket.test/join/abc">Join</a>');
      const calendar = received?.raw.match(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      expect(calendar).not.toBeNull();
      const attachment = parsed?.attachments.find((a) => a.contentType.startsWith('application/ics') || a.filename === 'invite.ics');
      expect(attachment?.content.toString('utf8')).toContain('UID:session-1@docket.test');
      const stored = await t.db.handle.db.selectFrom('mail_messages').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ status: 'sent', attempts: 1, last_error: null, raw: null });
      expect(stored.sent_at).toBe(clock.now().toISOString());
      // Nothing goes to the outbox while SMTP is configured.
      expect((await t.request('GET', '/api/v1/outbox')).body.data).toEqual([]);
    });

    it('retries a 451 with backoff and the same Message-ID, then delivers', async () => {
      smtp.refuse('busy@example.com', 451);
      const row = await queue(t, mail(t, { to: 'busy@example.com' }));
      expect(await t.drain()).toMatchObject({ ran: 1, retried: 1 });
      const afterFirst = await t.db.handle.db.selectFrom('mail_messages').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1 });
      expect(afterFirst.last_error).toContain('451');
      const job = await t.db.handle.db.selectFrom('jobs').selectAll().where('kind', '=', 'mail.send').executeTakeFirstOrThrow();
      expect(new Date(job.run_at).getTime()).toBeGreaterThan(clock.now().getTime());
      expect(smtp.received).toEqual([]);
      clock.set(job.run_at);
      expect(await t.drain()).toMatchObject({ ran: 1, done: 1 });
      expect(smtp.received.map((m) => m.parsed.messageId)).toEqual([row.message_id]);
      expect(await t.db.handle.db.selectFrom('mail_messages').select(['status', 'attempts']).where('id', '=', row.id).executeTakeFirst()).toEqual({
        status: 'sent',
        attempts: 2,
      });
    });

    it('records a 550 as a permanent failure and does not retry it', async () => {
      smtp.refuse('nobody@example.com', 550);
      const row = await queue(t, mail(t, { to: 'nobody@example.com' }));
      expect(await t.drain()).toMatchObject({ ran: 1, dead: 1 });
      const stored = await t.db.handle.db.selectFrom('mail_messages').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      expect(stored.status).toBe('failed');
      expect(stored.last_error).toContain('550');
      const job = await t.db.handle.db.selectFrom('jobs').selectAll().where('kind', '=', 'mail.send').executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'dead' });
      clock.advance(86_400_000);
      expect(await t.drain()).toMatchObject({ ran: 0 });
      expect(smtp.received).toEqual([]);
      await t.db.handle.db.deleteFrom('jobs').execute();
    });

    it('retries when the server cannot be reached at all', async () => {
      const unreachable = await createTestApp(dialect, { clock, env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
      try {
        const row = await queue(unreachable, mail(unreachable));
        expect(await unreachable.drain()).toMatchObject({ ran: 1, retried: 1 });
        const stored = await unreachable.db.handle.db.selectFrom('mail_messages').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
        expect(stored).toMatchObject({ status: 'queued', attempts: 1 });
        expect(stored.last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
      } finally {
        await disposeTestApp(unreachable);
      }
    });
  });

  describe('without SMTP (the outbox)', () => {
    const clock = new TestClock();
    const t = useTestApp(dialect, { clock });

    it('keeps what SMTP would have carried, readable by API, and nothing of a rolled-back change', async () => {
      await expect(
        t().ctx.database.transaction(async (tx) => {
          await t().services.mail.queue(tx, mail(t(), { subject: 'never sent' }));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const sessionId = '0190b6a0-0000-7000-8000-0000000000aa';
      const invite = await queue(t(), mail(t(), { sessionId, ics: { method: 'REQUEST', content: ICS } }));
      clock.advance(1000);
      const notice = await queue(t(), mail(t(), { kind: 'notice', to: 'owner@example.com', subject: 'Endpoint disabled' }));
      expect((await t().request('GET', '/api/v1/outbox')).body.data).toEqual([]); // not delivered yet
      await t().drain();

      const list = await t().request('GET', '/api/v1/outbox');
      expect(list.statusCode).toBe(200);
      expect(list.body.meta).toEqual({ page: 1, pageSize: 25, total: 2, totalPages: 1 });
      expect(list.body.data.map((m: { id: string }) => m.id)).toEqual([notice.id, invite.id]);
      expect(list.body.data[1]).toEqual({
        id: invite.id,
        to: 'jane@example.com',
        subject: 'Your interview for Backend Engineer',
        kind: 'invite',
        session_id: sessionId,
        created_at: invite.created_at,
        text: invite.text_body,
        html: invite.html_body,
        ics: ICS,
      });
      expect((await t().request('GET', '/api/v1/outbox', { query: { kind: 'notice' } })).body.data.map((m: { id: string }) => m.id)).toEqual([notice.id]);
      expect((await t().request('GET', '/api/v1/outbox', { query: { session_id: sessionId } })).body.data.map((m: { id: string }) => m.id)).toEqual([
        invite.id,
      ]);
      expect((await t().request('GET', '/api/v1/outbox', { query: { to: 'owner@example.com' } })).body.data).toHaveLength(1);
      const first = await t().request('GET', '/api/v1/outbox', { query: { limit: 1 } });
      expect(first.body.meta.has_more).toBe(true);
      const second = await t().request('GET', '/api/v1/outbox', { query: { limit: 1, cursor: first.body.meta.next_cursor } });
      expect(second.body.data.map((m: { id: string }) => m.id)).toEqual([invite.id]);
      expect(second.body.meta.has_more).toBe(false);

      const one = await t().request('GET', `/api/v1/outbox/${invite.id}`);
      expect(one.body.data.id).toBe(invite.id);

      const raw = await t().request('GET', `/api/v1/outbox/${invite.id}/raw`);
      expect(raw.statusCode).toBe(200);
      expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
      expect(raw.body).toMatch(/\r\n/); // RFC 5322 line ends, as SMTP carries them
      const parsed = await simpleParser(raw.body as string);
      expect(parsed.subject).toBe('Your interview for Backend Engineer');
      expect(parsed.messageId).toBe(invite.message_id);
      expect(parsed.text).toContain('Join here');
      expect(parsed.attachments.some((a) => a.content.toString('utf8').includes('METHOD:REQUEST'))).toBe(true);
      expect(raw.body).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

      expect((await t().request('GET', '/api/v1/outbox/0190b6a0-0000-7000-8000-000000000000/raw')).statusCode).toBe(404);
      const readOnly = await t().createKey(['candidates.read']);
      const forbidden = await t().request('GET', '/api/v1/outbox', { key: readOnly });
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.body.code).toBe('missing_scope');
    });

    it('reports queue depth and mail outcomes in /metrics', async () => {
      await queue(t(), mail(t(), { subject: 'metrics' }));
      const before = await t().request('GET', '/metrics', { key: null });
      expect(before.body).toMatch(/docket_jobs_queue_depth\{kind="mail\.send",status="pending"\} 1/);
      expect(before.body).toMatch(/docket_jobs_oldest_due_seconds 0/);
      clock.advance(5000);
      expect((await t().request('GET', '/metrics', { key: null })).body).toMatch(/docket_jobs_oldest_due_seconds 5/);
      await t().drain();
      const after = await t().request('GET', '/metrics', { key: null });
      expect(after.body).not.toMatch(/docket_jobs_queue_depth\{kind="mail\.send"/);
      expect(after.body).toMatch(/docket_mail_deliveries_total\{transport="outbox",outcome="outbox"\} \d+/);
      expect(after.body).toMatch(/docket_jobs_outcomes_total\{kind="mail\.send",outcome="done"\} \d+/);
    });
  });
});
