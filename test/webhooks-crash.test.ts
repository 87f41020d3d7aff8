import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SEND_JOB } from '../src/modules/webhooks/webhooks.fan-out.js';
import { createTestApp, disposeTestApp, type TestApp } from './helpers/test-app.js';
import { startReceiver, verifyWithLibrary, type Receiver } from './helpers/webhook-receiver.js';
import { DOCKET_CLI } from './helpers/cli.js';

/**
 * kill -9 of a `docket serve` process (a child, on a SQLite file) while it delivers webhooks:
 * after a restart every event arrives at least once, each still verifiable.
 */

const EVENTS = 24;

describe('kill -9 with webhook deliveries pending', () => {
  let t: TestApp;
  let receiver: Receiver;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestApp('sqlite', { env: { OUTBOUND_ALLOW: `127.0.0.1:${receiver.port}` } });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await disposeTestApp(t);
    await receiver.close();
  });

  function serve(): { child: ChildProcess; output: () => string } {
    const filename = t.db.config.dialect === 'sqlite' ? t.db.config.filename : '';
    const child = spawn(process.execPath, [DOCKET_CLI, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${filename}`,
        PORT: '0',
        HOST: '127.0.0.1',
        PUBLIC_URL: 'http://docket.test',
        LOG_LEVEL: 'warn',
        OUTBOUND_ALLOW: `127.0.0.1:${receiver.port}`,
        JOBS_POLL_INTERVAL_MS: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  // The killed server's claims are taken over once their leases end.
  it('restarts and delivers every event at least once', { timeout: 180_000 }, async () => {
    const created = await t.request('POST', '/api/v1/webhook-endpoints', { body: { url: receiver.url('/crash'), events: ['participant.created'] } });
    expect(created.statusCode).toBe(201);
    const secret = String(created.body.data.secret);
    // Slow answers: the server is killed with requests in flight and deliveries still pending.
    receiver.always('/crash', { status: 200, body: 'ok', delayMs: 400 });
    for (let n = 0; n < EVENTS; n += 1) {
      const res = await t.request('POST', '/api/v1/participants', { body: { name: `Crash ${n}`, email: `crash-${n}@example.com`, external_id: `c-${n}` } });
      expect(res.statusCode).toBe(201);
    }
    const expected = (await t.db.handle.db.selectFrom('events').select('id').where('type', '=', 'participant.created').execute()).map((row) => row.id);
    expect(expected).toHaveLength(EVENTS);

    const first = serve();
    await expect.poll(() => receiver.on('/crash').length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(4);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    const beforeRestart = new Set(receiver.on('/crash').map((r) => String(r.headers['webhook-id'])));
    expect(beforeRestart.size).toBeLessThan(EVENTS);
    // The killed server held its sender job under a lease (60 s) and the deliveries it was sending
    // (for the send timeout and 30 s more). Rather than wait for the wall clock, those leases are
    // moved to have ended a second ago; the restarted server has to take over both.
    const now = new Date().toISOString();
    const ended = new Date(Date.now() - 1000).toISOString();
    const heldJobs = await t.db.handle.db
      .updateTable('jobs')
      .set({ locked_until: ended })
      .where('kind', '=', WEBHOOK_SEND_JOB)
      .where('status', '=', 'running')
      .where('locked_until', '>', now)
      .returning('id')
      .execute();
    expect(heldJobs.length).toBeGreaterThan(0);
    const heldDeliveries = await t.db.handle.db
      .updateTable('webhook_deliveries')
      .set({ locked_until: ended })
      .where('status', '=', 'pending')
      .where('locked_until', '>', now)
      .returning('id')
      .execute();
    expect(heldDeliveries.length).toBeGreaterThan(0);

    const second = serve();
    const arrived = () => new Set(receiver.on('/crash').map((r) => String(r.headers['webhook-id'])));
    try {
      await expect.poll(() => arrived().size, { timeout: 90_000, interval: 100 }).toBe(EVENTS);
    } catch (error) {
      const jobs = await t.db.handle.db.selectFrom('jobs').select(['kind', 'status', 'run_at', 'locked_until', 'attempts', 'last_error']).execute();
      throw new Error(`${String(error)}\nfirst:\n${first.output()}\nsecond:\n${second.output()}\n${JSON.stringify(jobs, null, 1)}\nnow ${new Date().toISOString()}`);
    }
    expect([...arrived()].sort()).toEqual([...expected].sort());
    for (const request of receiver.on('/crash')) verifyWithLibrary(secret, request, new Date());
    await expect
      .poll(async () => (await t.db.handle.db.selectFrom('webhook_deliveries').select('status').where('status', '!=', 'succeeded').execute()).length, {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(0);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    expect(second.output()).not.toMatch(/"level":(50|60)/);
  });
});
