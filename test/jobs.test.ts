import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type Context } from '../src/context.js';
import type { DatabaseHandle } from '../src/db/database.js';
import * as jobsRepo from '../src/jobs/jobs.repository.js';
import { defineJob, type JobOutcome } from '../src/jobs/registry.js';
import { TestClock } from './helpers/clock.js';
import { dialects, forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

/** A promise with its resolve function, for handlers that wait on the test. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

forEachDatabase((dialect) => {
  const clock = new TestClock();
  const t = useTestApp(dialect, { clock });
  /** Every handler call, in order: kind and payload. */
  const calls: { kind: string; payload: unknown }[] = [];
  let outcomes: (JobOutcome | Error)[] = [];
  let gate: { entered: () => void; release: Promise<void> } | undefined;

  beforeAll(() => {
    const { registry } = t().ctx.jobs;
    registry.register(
      defineJob<unknown>({
        kind: 'test.record',
        handler: async (_ctx, payload) => {
          calls.push({ kind: 'test.record', payload });
        },
      }),
    );
    registry.register(
      defineJob<unknown>({
        kind: 'test.scripted',
        maxAttempts: 3,
        backoffMs: (attempt) => attempt * 60_000,
        handler: async (_ctx, payload) => {
          calls.push({ kind: 'test.scripted', payload });
          const next = outcomes.shift();
          if (next instanceof Error) throw next;
          return next;
        },
      }),
    );
    registry.register(
      defineJob<unknown>({
        kind: 'test.blocking',
        leaseMs: 30_000,
        handler: async (_ctx, payload) => {
          calls.push({ kind: 'test.blocking', payload });
          const current = gate;
          if (current !== undefined) {
            current.entered();
            await current.release;
          }
        },
      }),
    );
    registry.register(
      defineJob<unknown>({
        kind: 'test.periodic',
        everyMs: 3_600_000,
        handler: async (_ctx, payload) => {
          calls.push({ kind: 'test.periodic', payload });
        },
      }),
    );
  });

  beforeEach(async () => {
    calls.length = 0;
    outcomes = [];
    gate = undefined;
    await t().db.handle.db.deleteFrom('jobs').execute();
  });

  const enqueue = (job: Parameters<Context['jobs']['queue']['enqueue']>[1]) =>
    t().ctx.database.transaction((tx) => t().ctx.jobs.queue.enqueue(tx, job));
  const jobs = () => t().db.handle.db.selectFrom('jobs').selectAll().orderBy('created_at').execute();

  it('never runs a job whose transaction rolled back', async () => {
    await expect(
      t().ctx.database.transaction(async (tx) => {
        await t().ctx.jobs.queue.enqueue(tx, { kind: 'test.record', payload: { n: 1 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobs()).toEqual([]);
    expect(await t().drain()).toMatchObject({ ran: 0 });
    expect(calls).toEqual([]);
  });

  it('runs a committed job exactly once, with its payload, and removes it', async () => {
    await enqueue({ kind: 'test.record', payload: { n: 2, text: 'é' } });
    expect(await t().drain()).toEqual({ ran: 1, done: 1, retried: 0, dead: 0 });
    expect(await t().drain()).toMatchObject({ ran: 0 });
    expect(calls).toEqual([{ kind: 'test.record', payload: { n: 2, text: 'é' } }]);
    expect(await jobs()).toEqual([]);
  });

  it('waits for run_at', async () => {
    await enqueue({ kind: 'test.record', payload: 'later', runAt: new Date(clock.now().getTime() + 60_000) });
    expect(await t().drain()).toMatchObject({ ran: 0 });
    clock.advance(60_000);
    expect(await t().drain()).toMatchObject({ ran: 1 });
  });

  it('retries with backoff, then marks the job dead with its last error; dead jobs can be retried by hand', async () => {
    outcomes = [new Error('first failure'), { status: 'retry', error: 'second failure' }, new Error('third failure'), { status: 'done' }];
    await enqueue({ kind: 'test.scripted', payload: 'x' });
    expect(await t().drain()).toMatchObject({ ran: 1, retried: 1 });
    let [job] = await jobs();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'first failure' });
    // backoffMs(1) = 60 s: not due before.
    expect(new Date(job?.run_at ?? 0).getTime() - clock.now().getTime()).toBe(60_000);
    clock.advance(59_000);
    expect(await t().drain()).toMatchObject({ ran: 0 });
    clock.advance(1_000);
    expect(await t().drain()).toMatchObject({ ran: 1, retried: 1 });
    clock.advance(120_000);
    expect(await t().drain()).toMatchObject({ ran: 1, dead: 1 });
    [job] = await jobs();
    expect(job).toMatchObject({ status: 'dead', attempts: 3, last_error: 'third failure' });
    clock.advance(86_400_000);
    expect(await t().drain()).toMatchObject({ ran: 0 });

    expect(await jobsRepo.retryDead(t().db.handle.db, [job?.id ?? ''], clock.now().toISOString())).toBe(1);
    expect(await t().drain()).toMatchObject({ ran: 1, done: 1 });
    expect(await jobs()).toEqual([]);
  });

  it('honours a retry time given by the handler and a permanent failure', async () => {
    const at = new Date(clock.now().getTime() + 7_200_000);
    outcomes = [{ status: 'retry', error: 'come back later', at }, { status: 'dead', error: 'cannot ever work' }];
    await enqueue({ kind: 'test.scripted', payload: 'y' });
    await t().drain();
    expect((await jobs())[0]?.run_at).toBe(at.toISOString());
    clock.set(at);
    expect(await t().drain()).toMatchObject({ ran: 1, dead: 1 });
    expect((await jobs())[0]).toMatchObject({ status: 'dead', attempts: 2, last_error: 'cannot ever work' });
  });

  it('replaces a pending job with the same dedupe key in one statement, and cancels it', async () => {
    const soon = new Date(clock.now().getTime() + 3_600_000);
    const later = new Date(clock.now().getTime() + 7_200_000);
    await enqueue({ kind: 'test.record', payload: 'first', runAt: soon, dedupeKey: 'reminder:s1' });
    await enqueue({ kind: 'test.record', payload: 'second', runAt: later, dedupeKey: 'reminder:s1' });
    const rows = await jobs();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ payload: '"second"', run_at: later.toISOString(), status: 'pending' });
    // Two with one key in the same transaction: the last wins.
    await t().ctx.database.transaction(async (tx) => {
      await t().ctx.jobs.queue.enqueueMany(tx, [
        { kind: 'test.record', payload: 'third', dedupeKey: 'reminder:s2' },
        { kind: 'test.record', payload: 'fourth', dedupeKey: 'reminder:s2' },
      ]);
    });
    expect((await jobs()).filter((j) => j.dedupe_key === 'reminder:s2').map((j) => j.payload)).toEqual(['"fourth"']);
    expect(await t().ctx.database.transaction((tx) => t().ctx.jobs.queue.cancel(tx, ['reminder:s1', 'reminder:s2']))).toBe(2);
    expect(await jobs()).toEqual([]);
  });

  it('revives a dead job when the same dedupe key is enqueued again', async () => {
    outcomes = [{ status: 'dead', error: 'gone' }];
    await enqueue({ kind: 'test.scripted', payload: 'v1', dedupeKey: 'fetch:p1' });
    await t().drain();
    expect((await jobs())[0]).toMatchObject({ status: 'dead' });
    outcomes = [{ status: 'done' }];
    await enqueue({ kind: 'test.scripted', payload: 'v2', dedupeKey: 'fetch:p1' });
    expect((await jobs())[0]).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
    expect(await t().drain()).toMatchObject({ ran: 1, done: 1 });
    expect(calls.map((c) => c.payload)).toEqual(['v1', 'v2']);
  });

  it('keeps a replacement enqueued while the old version runs', async () => {
    const entered = deferred();
    const release = deferred();
    gate = { entered: entered.resolve, release: release.promise };
    await enqueue({ kind: 'test.blocking', payload: 'old', dedupeKey: 'latest-wins' });
    const draining = t().drain();
    await entered.promise;
    gate = undefined;
    await enqueue({ kind: 'test.blocking', payload: 'new', dedupeKey: 'latest-wins' });
    release.resolve();
    await draining;
    // The old run finished without deleting the replacement; drain picks that up too.
    expect(calls.map((c) => c.payload)).toEqual(['old', 'new']);
    expect(await jobs()).toEqual([]);
  });

  it('lets another runner take over a job whose lease expired (a killed runner)', async () => {
    const entered = deferred();
    const release = deferred();
    gate = { entered: entered.resolve, release: release.promise };
    await enqueue({ kind: 'test.blocking', payload: 'long' });
    const first = t().drain();
    await entered.promise;
    // The first runner hangs (as if killed): its lease is held until it expires.
    gate = undefined;
    const second = createContext(t().config, { database: t().db.handle, clock });
    const blocking = t().ctx.jobs.registry.get('test.blocking');
    if (blocking === undefined) throw new Error('test.blocking is not registered');
    second.jobs.registry.register(blocking);
    expect(await second.jobs.runner.drain()).toMatchObject({ ran: 0 });
    clock.advance(61_000);
    expect(await second.jobs.runner.drain()).toMatchObject({ ran: 1, done: 1 });
    expect(await jobs()).toEqual([]);
    // When the first run ends after all, it cannot touch what it no longer holds.
    release.resolve();
    await first;
    expect(await jobs()).toEqual([]);
    expect(calls.map((c) => c.payload)).toEqual(['long', 'long']);
    await second.close();
  });

  it('on stop, lets a running job finish within the timeout and hands back one that does not', async () => {
    const ctx = createContext({ ...t().config, jobsPollIntervalMs: 50 }, { database: t().db.handle, clock });
    const blocking = t().ctx.jobs.registry.get('test.blocking');
    if (blocking === undefined) throw new Error('test.blocking is not registered');
    ctx.jobs.registry.register(blocking);
    const entered = deferred();
    const release = deferred();
    gate = { entered: entered.resolve, release: release.promise };
    await enqueue({ kind: 'test.blocking', payload: 'stuck' });
    await ctx.jobs.runner.start();
    await entered.promise;
    expect((await jobs()).find((j) => j.kind === 'test.blocking')).toMatchObject({ status: 'running', attempts: 1 });
    await ctx.jobs.runner.stop(100);
    // Handed back at once, the attempt not counted: another runner takes it now.
    expect((await jobs()).find((j) => j.kind === 'test.blocking')).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
    gate = undefined;
    release.resolve();
    await ctx.close();
    expect(await t().drain()).toMatchObject({ done: expect.any(Number) });
    expect(calls.filter((c) => c.payload === 'stuck')).toHaveLength(2);
    expect((await jobs()).filter((j) => j.kind === 'test.blocking')).toEqual([]);
  });

  it('runs periodic jobs again after their interval, once per kind', async () => {
    await t().ctx.jobs.runner.schedulePeriodic();
    await t().ctx.jobs.runner.schedulePeriodic();
    const periodic = (await jobs()).filter((j) => j.kind === 'test.periodic');
    expect(periodic).toHaveLength(1);
    await t().drain();
    expect(calls.filter((c) => c.kind === 'test.periodic')).toHaveLength(1);
    expect((await jobs()).find((j) => j.kind === 'test.periodic')).toMatchObject({
      status: 'pending',
      run_at: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    await t().drain();
    expect(calls.filter((c) => c.kind === 'test.periodic')).toHaveLength(1);
    clock.advance(3_600_000);
    await t().drain();
    expect(calls.filter((c) => c.kind === 'test.periodic')).toHaveLength(2);
  });

  it('refuses to enqueue a kind nobody handles', async () => {
    await expect(enqueue({ kind: 'test.unknown', payload: null })).rejects.toThrow(/no handler/);
  });

  it('caps the jobs of one group running at once, across runners', async () => {
    const group = `endpoint:${dialect}`;
    const running = new Set<string>();
    let most = 0;
    const releases: (() => void)[] = [];
    const twoRunning = deferred();
    const allDone = deferred();
    let finished = 0;
    const cappedClock = new TestClock(clock.now());
    const ctx = createContext(loadGroupConfig(t().config, 2), { database: t().db.handle, clock: cappedClock });
    ctx.jobs.registry.register(
      defineJob<string>({
        kind: 'test.grouped',
        handler: async (_ctx, payload) => {
          running.add(payload);
          most = Math.max(most, running.size);
          if (running.size === 2) twoRunning.resolve();
          await new Promise<void>((resolve) => releases.push(resolve));
          running.delete(payload);
          finished += 1;
          if (finished === 6) allDone.resolve();
        },
      }),
    );
    await ctx.database.transaction((tx) =>
      ctx.jobs.queue.enqueueMany(
        tx,
        Array.from({ length: 6 }, (_, i) => ({ kind: 'test.grouped', payload: `job-${i}`, groupKey: group })),
      ),
    );
    await ctx.jobs.runner.start();
    await twoRunning.promise;
    // Another runner asking now gets nothing of this group: two are running.
    const other = await ctx.database.transaction((tx) =>
      jobsRepo.claim(tx, {
        kinds: ['test.grouped'],
        limit: 10,
        now: cappedClock.now().toISOString(),
        leaseUntil: new Date(cappedClock.now().getTime() + 60_000).toISOString(),
        runner: 'other',
        token: 'other-token',
        groupCap: 2,
      }),
    );
    expect(other).toEqual([]);
    const counted = await ctx.database.db.selectFrom('jobs').select('id').where('group_key', '=', group).where('status', '=', 'running').execute();
    expect(counted).toHaveLength(2);
    // Let them finish one at a time; each finish lets the next start.
    const drainReleases = async () => {
      while (finished < 6) {
        const next = releases.shift();
        if (next !== undefined) next();
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([drainReleases(), allDone.promise]);
    await ctx.jobs.runner.stop(5_000);
    expect(most).toBe(2);
    expect(await ctx.database.db.selectFrom('jobs').select('id').where('kind', '=', 'test.grouped').execute()).toEqual([]);
    await ctx.close();
  });
});

function loadGroupConfig<C extends { jobsGroupConcurrency: number; jobsPollIntervalMs: number }>(config: C, cap: number): C {
  return { ...config, jobsGroupConcurrency: cap, jobsPollIntervalMs: 50 };
}

describe.skipIf(!dialects().includes('postgres'))('several runners on one PostgreSQL database', () => {
  const t = useTestApp('postgres');
  const handles: DatabaseHandle[] = [];

  afterAll(async () => {
    for (const handle of handles) await handle.destroy();
  });

  it('run each of 1,000 jobs exactly once', async () => {
    const runs = new Map<number, number>();
    const contexts = Array.from({ length: 4 }, () => {
      const handle = t().db.openAnother();
      handles.push(handle);
      const ctx = createContext(t().config, { database: handle });
      ctx.jobs.registry.register(
        defineJob<number>({
          kind: 'test.count',
          handler: async (_ctx, n) => {
            runs.set(n, (runs.get(n) ?? 0) + 1);
            // Yield, so the runners interleave their claims.
            await new Promise((resolve) => setImmediate(resolve));
          },
        }),
      );
      return ctx;
    });
    const first = contexts[0];
    if (first === undefined) throw new Error('no context');
    await first.database.transaction((tx) =>
      first.jobs.queue.enqueueMany(
        tx,
        Array.from({ length: 1000 }, (_, n) => ({ kind: 'test.count', payload: n })),
      ),
    );
    const results = await Promise.all(contexts.map((ctx) => ctx.jobs.runner.drain()));
    expect(results.reduce((sum, r) => sum + r.ran, 0)).toBe(1000);
    // Every runner took a share: the claims really competed.
    expect(results.filter((r) => r.ran > 0).length).toBeGreaterThan(1);
    expect(runs.size).toBe(1000);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    for (const ctx of contexts) await ctx.close();
  });
});
