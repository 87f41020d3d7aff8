/**
 * `npm run bench:webhooks`: what webhooks cost, on SQLite, with the real server in a child
 * process and a loopback receiver in another.
 *
 * (a) What a participant create pays for one subscribed endpoint: the create use case in
 *     process (no HTTP, no runner), BENCH_CREATES (2000) one after another, without and with an
 *     endpoint subscribed to participant.created, alternated A B A B (BENCH_ROUNDS, 5, pairs) so
 *     that drift on a shared machine falls on both; the medians are compared. Then the same over HTTP against the server, whose runner sends
 *     the deliveries meanwhile (end to end: the create and its delivery share the machine).
 * (b) Deliveries per second: BENCH_DELIVERIES (5000) events are committed at once into the
 *     server's database; the time until the receiver has all of them.
 *
 * Environment: BENCH_DURATION (8 s), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (4), BENCH_DELIVERIES
 * (5000), BENCH_CREATES (2000), BENCH_ROUNDS (5), BENCH_LOG_LEVEL (warn). Results: bench/results/webhooks.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/config.js';
import { createContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { cpuMs, freePort, startNode, startWebhookReceiver, type Child } from './processes.js';

const env = process.env;
const RESULTS = join(import.meta.dirname, 'results');
const DURATION_S = Number(env['BENCH_DURATION'] ?? 8);
const WARMUP_S = Number(env['BENCH_WARMUP'] ?? 2);
const CONNECTIONS = Number(env['BENCH_CONNECTIONS'] ?? 4);
const DELIVERIES = Number(env['BENCH_DELIVERIES'] ?? 5000);
const CREATES = Number(env['BENCH_CREATES'] ?? 2000);
const ROUNDS = Number(env['BENCH_ROUNDS'] ?? 5);
const LOG_LEVEL = env['BENCH_LOG_LEVEL'] ?? 'warn';

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-webhooks-'));
  const children: Child[] = [];
  try {
    const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
    const receiver = await startWebhookReceiver(join(RESULTS, 'webhook-receiver.log'));
    const receiverPort = Number(new URL(receiver.url).port);
    children.push(receiver);
    const received = async () => Number(await (await fetch(`${receiver.url}/count`)).text());

    const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1', OUTBOUND_ALLOW: `127.0.0.1:${receiverPort}` });
    const database = openDatabase(config.database);
    await migrateToLatest(database.db);
    const setup = createContext(config, { database, ownsDatabase: false });
    const account = await setup.services.accounts.createAccount({ slug: 'bench', name: 'Bench' });
    const { secret: apiKey } = await setup.services.apiKeys.create(account.id, { name: 'bench' });

    // (a) in process: the create use case alone.
    log(`Docket webhooks benchmark · SQLite · load ${load()}`);
    const { endpoint: inProcess } = await setup.services.webhooks.create(account.id, {
      url: `http://127.0.0.1:${receiverPort}/in-process`,
      events: ['participant.created'],
      enabled: false,
    });
    let made = 0;
    // Wall time and this process's CPU time per create; CPU moves less when other work shares the machine.
    const direct: { condition: string; usPerCreate: number; cpuUsPerCreate: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const condition of ['no endpoint', 'one subscribed endpoint']) {
        await setup.services.webhooks.update(account.id, inProcess.id, { enabled: condition !== 'no endpoint' });
        for (let i = 0; i < 200; i += 1) {
          made += 1;
          await setup.services.participants.create(account.id, { name: `Warm ${made}`, email: `w${made}@bench.example` });
        }
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        for (let i = 0; i < CREATES; i += 1) {
          made += 1;
          await setup.services.participants.create(account.id, { name: `Direct ${made}`, email: `d${made}@bench.example`, external_id: `d-${made}` });
        }
        const usPerCreate = ((performance.now() - t0) * 1000) / CREATES;
        const cpu = process.cpuUsage(cpu0);
        const cpuUsPerCreate = (cpu.user + cpu.system) / CREATES;
        direct.push({ condition, usPerCreate, cpuUsPerCreate });
        log(`  create in process, ${condition.padEnd(24)} ${(usPerCreate / 1000).toFixed(3)} ms/create · CPU ${(cpuUsPerCreate / 1000).toFixed(3)} ms · load ${load()}`);
      }
    }
    const median = (condition: string, pick: (r: (typeof direct)[number]) => number) => {
      const of = direct
        .filter((r) => r.condition === condition)
        .map(pick)
        .sort((a, b) => a - b);
      return of.length % 2 === 1 ? (of[(of.length - 1) / 2] as number) : ((of[of.length / 2 - 1] as number) + (of[of.length / 2] as number)) / 2;
    };
    const directCost = median('one subscribed endpoint', (r) => r.usPerCreate) / median('no endpoint', (r) => r.usPerCreate) - 1;
    const directCpuCost = median('one subscribed endpoint', (r) => r.cpuUsPerCreate) / median('no endpoint', (r) => r.cpuUsPerCreate) - 1;
    log(
      `  → a create with one subscribed endpoint costs ${(directCost * 100).toFixed(1)} % more time and ${(directCpuCost * 100).toFixed(1)} % more CPU (medians of ${ROUNDS} rounds; limit +15 %)`,
    );
    await setup.services.webhooks.remove(account.id, inProcess.id);

    const port = await freePort();
    const server = await startNode({
      script: join(import.meta.dirname, '..', 'src', 'cli.ts'),
      args: ['serve'],
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL,
        RATE_LIMIT_PER_SECOND: '1000000',
        RATE_LIMIT_BURST: '1000000',
        OUTBOUND_ALLOW: `127.0.0.1:${receiverPort}`,
        JOBS_POLL_INTERVAL_MS: '100',
      },
      port,
      readyPath: '/healthz',
      logFile: join(RESULTS, 'webhooks-server.log'),
    });
    children.push(server);
    const headers = { 'x-api-key': apiKey, 'content-type': 'application/json' };

    const created = await fetch(`${server.url}/api/v1/webhook-endpoints`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: `http://127.0.0.1:${receiverPort}/hook`, events: ['participant.created'], enabled: false }),
    });
    if (created.status !== 201) throw new Error(`endpoint: ${created.status} ${await created.text()}`);
    const endpointId = String(((await created.json()) as { data: { id: string } }).data.id);
    const setEnabled = async (enabled: boolean) => {
      const res = await fetch(`${server.url}/api/v1/webhook-endpoints/${endpointId}`, { method: 'PATCH', headers, body: JSON.stringify({ enabled }) });
      if (res.status !== 200) throw new Error(`patch: ${res.status}`);
    };

    let counter = 0;
    const createRequest = {
      method: 'POST',
      path: '/api/v1/participants',
      headers,
      setupRequest: (request: autocannon.AutocannonRequest) => {
        counter += 1;
        return { ...request, body: JSON.stringify({ name: `Bench Person ${counter}`, email: `p${counter}@bench.example`, external_id: `ext-${counter}` }) };
      },
    };
    const rounds: { condition: string; reqPerSec: number; p50Ms: number; p99Ms: number; cpuUsPerRequest: number; load: string }[] = [];
    log(`  over HTTP, the runner sending meanwhile · ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per round`);
    for (const condition of ['no endpoint', 'one subscribed endpoint', 'no endpoint', 'one subscribed endpoint']) {
      await setEnabled(condition !== 'no endpoint');
      const options = { url: server.url, connections: CONNECTIONS, timeout: 30, requests: [createRequest] };
      await autocannon({ ...options, duration: WARMUP_S });
      const cpuBefore = cpuMs(server.pid);
      const result = await autocannon({ ...options, duration: DURATION_S });
      const failures = Object.entries(result.statusCodeStats).filter(([code]) => !code.startsWith('2'));
      if (failures.length > 0 || result.errors > 0) throw new Error(`create: errors ${result.errors}, statuses ${JSON.stringify(result.statusCodeStats)}`);
      const cpuUsPerRequest = ((cpuMs(server.pid) - cpuBefore) * 1000) / Math.max(1, result.latency.totalCount);
      const row = { condition, reqPerSec: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, cpuUsPerRequest, load: load() };
      rounds.push(row);
      log(
        `  create, ${condition.padEnd(24)} ${row.reqPerSec.toFixed(0).padStart(6)} req/s · p50 ${row.p50Ms} ms · p99 ${row.p99Ms} ms · server CPU ${(row.cpuUsPerRequest / 1000).toFixed(2)} ms/req · load ${row.load}`,
      );
    }
    const mean = (condition: string, pick: (r: (typeof rounds)[number]) => number) => {
      const of = rounds.filter((r) => r.condition === condition).map(pick);
      return of.reduce((a, b) => a + b, 0) / of.length;
    };
    const throughputCost = 1 - mean('one subscribed endpoint', (r) => r.reqPerSec) / mean('no endpoint', (r) => r.reqPerSec);
    const cpuCost = mean('one subscribed endpoint', (r) => r.cpuUsPerRequest) / mean('no endpoint', (r) => r.cpuUsPerRequest) - 1;
    log(`  → end to end with one subscribed endpoint: throughput ${(throughputCost * -100).toFixed(1)} %, server CPU per create ${(cpuCost * 100).toFixed(1)} %`);

    // Let the deliveries of (a) finish before (b).
    const sent = async () =>
      Number((await database.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n) +
      Number((await database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('fanout_endpoints', 'is not', null).executeTakeFirstOrThrow()).n);
    for (let i = 0; i < 600 && (await sent()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));

    // (b) Deliveries per second.
    await setEnabled(true);
    const before = await received();
    const started = performance.now();
    for (let done = 0; done < DELIVERIES; done += 500) {
      const n = Math.min(500, DELIVERIES - done);
      await database.transaction((tx) =>
        setup.services.events.recordMany(
          tx,
          account.id,
          Array.from({ length: n }, (_, i) => ({ type: 'participant.created' as const, data: { participant: { id: `bench-${done + i}`, external_id: `x-${done + i}` } } })),
        ),
      );
    }
    const committed = performance.now();
    const cpuBefore = cpuMs(server.pid);
    for (;;) {
      if ((await received()) - before >= DELIVERIES) break;
      if (performance.now() - started > 600_000) throw new Error('deliveries did not finish in 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - committed) / 1000;
    const perSecond = DELIVERIES / seconds;
    const cpuPerDeliveryMs = (cpuMs(server.pid) - cpuBefore) / DELIVERIES;
    log(
      `  deliveries: ${DELIVERIES} in ${seconds.toFixed(2)} s → ${perSecond.toFixed(0)}/s (goal ≥ 500/s) · server CPU ${cpuPerDeliveryMs.toFixed(2)} ms/delivery · enqueue ${((committed - started) / 1000).toFixed(2)} s · load ${load()}`,
    );
    writeFileSync(
      join(RESULTS, 'webhooks.json'),
      `${JSON.stringify({ at: new Date().toISOString(), direct, directCost, directCpuCost, rounds, throughputCost, cpuCost, deliveries: { count: DELIVERIES, seconds, perSecond, cpuPerDeliveryMs }, load: load() }, null, 2)}\n`,
    );
    await setup.close();
    await database.destroy();
  } finally {
    for (const child of children.reverse()) await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
