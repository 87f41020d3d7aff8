/**
 * `npm run bench`: seeds one account with a million participants (20 tags, 10 templates),
 * starts the real server in a child process, and measures it with autocannon (4 connections,
 * a warm-up, then 10 s per scenario) beside a bare Fastify route in the same run — the
 * machine's ceiling, so figures compare across machines as ratios.
 *
 * Environment: DATABASE_URL=postgres://… measures PostgreSQL (in a dedicated database, dropped
 * afterwards); BENCH_ROWS (1000000), BENCH_DURATION (10 s), BENCH_WARMUP (3 s),
 * BENCH_CONNECTIONS (4), BENCH_ONLY (e.g. "get,list"), BENCH_REUSE=1 (SQLite: reuse the seed of
 * an earlier run), BENCH_PROFILE=1 (CPU profiles in bench/results/profiles, the minimal server's in its minimal/),
 * BENCH_LOG_LEVEL (warn), BENCH_ROUNDS (3: each scenario beside the minimal server is measured
 * that many times, alternating, and the medians reported).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { encodeCursor } from '../src/lib/pagination.js';
import { canonicalFilters } from '../src/modules/participants/participants.service.js';
import { preparePostgres, prepareSqlite, type BenchData } from './prepare.js';
import { cpuMs, freePort, RssSampler, startNode, startWebhookReceiver, type Child } from './processes.js';

const env = process.env;
const RESULTS = join(import.meta.dirname, 'results');
const ROWS = Number(env['BENCH_ROWS'] ?? 1_000_000);
const DURATION_S = Number(env['BENCH_DURATION'] ?? 10);
const WARMUP_S = Number(env['BENCH_WARMUP'] ?? 3);
const CONNECTIONS = Number(env['BENCH_CONNECTIONS'] ?? 4);
const ONLY = env['BENCH_ONLY']?.split(',').map((s) => s.trim()) ?? [];
const PROFILE = env['BENCH_PROFILE'] === '1';
const LOG_LEVEL = env['BENCH_LOG_LEVEL'] ?? 'warn';
const WEBHOOK = env['BENCH_WEBHOOK'] === '1';
/** Rounds per scenario beside the minimal server (alternating); 1 without it. */
const ROUNDS = Math.max(1, Number(env['BENCH_ROUNDS'] ?? 3));
const IMPORT_ROWS = 50_000;
const BULK_SIZE = 500;
const RUN_ID = Date.now().toString(36);

interface RowTarget {
  minReqPerSec?: number;
  maxP99Ms?: number;
  maxP50Ms?: number;
  maxSeconds?: number;
}

interface Row {
  scenario: string;
  reqPerSec?: number;
  p50Ms?: number;
  p99Ms?: number;
  seconds?: number;
  rowsPerSec?: number;
  /** Server CPU time (user + system) per completed request: what contention on the machine hides. */
  cpuUsPerRequest?: number;
  rssMb: number;
  target: RowTarget;
  note?: string;
  /** Docket: transactions committed per commit during the scenario (SQLite commits concurrent transactions together). */
  transactionsPerCommit?: number;
}

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const wanted = (name: string) => ONLY.length === 0 || ONLY.includes(name);

interface Measured {
  result: AutocannonResult;
  /** CPU time (user + system, all threads) the server used per completed request. */
  cpuUsPerRequest: number;
}

/** Docket's commit counters, from its /metrics. */
async function commitCounts(url: string): Promise<{ transactions: number; commits: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { transactions: value('docket_db_transactions_committed_total'), commits: value('docket_db_commits_total') };
}

/** A warm-up, then DURATION_S of load; fails on any error or non-2xx answer. */
async function measure(pid: number, url: string, request: AutocannonRequest, connections = CONNECTIONS): Promise<Measured> {
  const options = { url, connections, timeout: 30, requests: [request] };
  if (WARMUP_S > 0) await autocannon({ ...options, duration: WARMUP_S });
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ ...options, duration: DURATION_S });
  const cpuUsPerRequest = ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.latency.totalCount);
  const failures = Object.entries(result.statusCodeStats).filter(([code]) => !code.startsWith('2'));
  if (failures.length > 0 || result.errors > 0) {
    throw new Error(`${request.method ?? 'GET'} ${request.path ?? '/'}: errors ${result.errors}, statuses ${JSON.stringify(result.statusCodeStats)}`);
  }
  return { result, cpuUsPerRequest };
}

function fromResult(scenario: string, { result, cpuUsPerRequest }: Measured, rssMb: number, target: RowTarget, note?: string): Row {
  return {
    scenario,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuUsPerRequest,
    rssMb,
    target,
    ...(note === undefined ? {} : { note }),
  };
}

function participantBody(tag: string, n: number, templateId: string): Record<string, unknown> {
  return {
    name: `Bench Person ${n}`,
    email: `bench-${RUN_ID}-${n}@example.com`,
    external_id: `bench-${RUN_ID}-${n}`,
    evaluation_template_id: templateId,
    profile: { title: 'Software Engineer', experienceLevel: 'senior' },
    tags: [tag, 'bench'],
  };
}

/** A server under load: Docket (authenticated, its API paths) or the minimal reference server. */
interface Target {
  kind: 'docket' | 'minimal';
  server: Child;
  rss?: RssSampler;
}

/** Rows of one scenario: the minimal server's (when it runs) and Docket's, measured one after the other. */
interface Pair {
  scenario: string;
  docket: Row;
  minimal?: Row;
  /** Docket ÷ minimal in each round. */
  ratios?: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** The round whose req/s is the median (the lower middle one of an even count). */
function medianRow(rounds: readonly Row[]): Row | undefined {
  return [...rounds].sort((a, b) => (a.reqPerSec ?? 0) - (b.reqPerSec ?? 0))[Math.floor((rounds.length - 1) / 2)];
}

async function runScenarios(data: BenchData, targets: Target[]): Promise<{ rows: Row[]; pairs: Pair[] }> {
  const rows: Row[] = [];
  const pairs: Pair[] = [];
  const headers = { 'x-api-key': data.apiKey };
  const jsonHeaders = { ...headers, 'content-type': 'application/json' };
  let counter = 0;
  const prefix = (t: Target) => (t.kind === 'docket' ? '/api/v1' : '');
  const headersOf = (t: Target, json: boolean): Record<string, string> =>
    t.kind === 'docket' ? (json ? jsonHeaders : headers) : json ? { 'content-type': 'application/json' } : {};
  const rssOf = (t: Target) => t.rss?.take() ?? 0;
  /**
   * Measures `request` on every target, minimal first, ROUNDS times over (alternating, so that
   * both see the same moments of a busy machine); each target's row is its median round by
   * req/s, and the pair's ratio the median of the rounds' ratios.
   */
  const side = async (scenario: string, request: (t: Target) => AutocannonRequest, target: RowTarget, note?: string): Promise<Pair> => {
    const measured = new Map<Target['kind'], Row[]>();
    const rounds = targets.length > 1 ? ROUNDS : 1;
    for (let round = 0; round < rounds; round += 1) {
      for (const t of targets) {
        const before = t.kind === 'docket' ? await commitCounts(t.server.url) : undefined;
        const result = await measure(t.server.pid, t.server.url, request(t));
        const row = fromResult(t.kind === 'docket' ? scenario : `minimal: ${scenario}`, result, rssOf(t), t.kind === 'docket' ? target : {}, note);
        if (before !== undefined) {
          const after = await commitCounts(t.server.url);
          const commits = after.commits - before.commits;
          if (commits > 0) row.transactionsPerCommit = (after.transactions - before.transactions) / commits;
        }
        measured.set(t.kind, [...(measured.get(t.kind) ?? []), row]);
      }
    }
    const docketRounds = measured.get('docket') ?? [];
    const minimalRounds = measured.get('minimal');
    const docket = medianRow(docketRounds);
    if (docket === undefined) throw new Error('no Docket target');
    const pair: Pair = { scenario, docket };
    if (minimalRounds !== undefined) {
      const minimal = medianRow(minimalRounds);
      if (minimal !== undefined) pair.minimal = minimal;
      pair.ratios = docketRounds.map((row, i) => (row.reqPerSec ?? 0) / Math.max(1e-9, minimalRounds[i]?.reqPerSec ?? 0));
    }
    rows.push(docket);
    pairs.push(pair);
    return pair;
  };

  if (wanted('get')) {
    const ids = data.sampleIds;
    let k = 0;
    await side(
      'get by id',
      (t) => ({
        method: 'GET',
        headers: headersOf(t, false),
        setupRequest: (request) => ({ ...request, path: `${prefix(t)}/participants/${ids[k++ % ids.length] ?? ''}` }),
      }),
      { minReqPerSec: 10_000, maxP99Ms: 3 },
      `random ids of ${ids.length.toLocaleString('en')}`,
    );
  }

  if (wanted('list')) {
    // A cursor half-way down each tag: the page the million-row account makes expensive.
    const docketPaths = data.tags.map((tag) => {
      const cursor = encodeCursor(canonicalFilters({ tag: [tag] }), data.middle);
      return `/api/v1/participants?tag=${tag}&limit=50&cursor=${cursor}`;
    });
    const minimalPaths = data.tags.map(
      (tag) => `/participants?tag=${tag}&limit=50&at=${encodeURIComponent(data.middle.created_at)}&id=${encodeURIComponent(data.middle.id)}`,
    );
    for (const t of targets) {
      const check = await fetch(`${t.server.url}${(t.kind === 'docket' ? docketPaths : minimalPaths)[0] ?? ''}`, { headers: headersOf(t, false) });
      const page = (await check.json()) as { data: unknown[] };
      if (page.data.length !== 50) throw new Error(`${t.kind}: the deep tag page has ${page.data.length} rows, not 50`);
    }
    let k = 0;
    await side(
      'list by tag (50, deep cursor)',
      (t) => ({
        method: 'GET',
        headers: headersOf(t, false),
        setupRequest: (request) => ({ ...request, path: (t.kind === 'docket' ? docketPaths : minimalPaths)[k++ % docketPaths.length] ?? '' }),
      }),
      { minReqPerSec: 2_500, maxP99Ms: 10 },
      '20 tags, cursor at row 500,000',
    );
  }

  if (wanted('create')) {
    await side(
      'create',
      (t) => ({
        method: 'POST',
        path: `${prefix(t)}/participants`,
        headers: headersOf(t, true),
        setupRequest: (request) => {
          counter += 1;
          const body = participantBody(data.tags[counter % data.tags.length] ?? 'tag', counter, data.templateIds[counter % data.templateIds.length] ?? '');
          return { ...request, body: JSON.stringify(body) };
        },
      }),
      { minReqPerSec: 3_000, maxP99Ms: 20 },
      'unique emails, tags, template',
    );
  }

  if (wanted('bulk')) {
    const bulkRequest = (t: Target): AutocannonRequest => ({
      method: 'POST',
      path: `${prefix(t)}/participants/bulk`,
      headers: headersOf(t, true),
      setupRequest: (request) => {
        const participants = Array.from({ length: BULK_SIZE }, () => {
          counter += 1;
          return participantBody(data.tags[counter % data.tags.length] ?? 'tag', counter, data.templateIds[counter % data.templateIds.length] ?? '');
        });
        return { ...request, body: JSON.stringify({ participants }) };
      },
    });
    const pair = await side(`bulk of ${BULK_SIZE}`, bulkRequest, { maxP50Ms: 80 }, `${CONNECTIONS} connections`);
    for (const row of [pair.docket, pair.minimal]) if (row?.reqPerSec !== undefined) row.rowsPerSec = row.reqPerSec * BULK_SIZE;
    const docket = targets.find((t) => t.kind === 'docket');
    if (docket !== undefined) {
      const single = await measure(docket.server.pid, docket.server.url, bulkRequest(docket), 1);
      const one = fromResult(`bulk of ${BULK_SIZE}, 1 connection`, single, rssOf(docket), {}, 'latency without queueing');
      one.rowsPerSec = single.result.requests.average * BULK_SIZE;
      rows.push(one);
    }
  }

  const docketTarget = targets.find((t) => t.kind === 'docket');
  if (wanted('import') && docketTarget !== undefined) {
    const server = docketTarget.server;
    const csv = (prefix: string, n: number) =>
      [
        'name,email,template_name,external_id,tags,title,experience_level',
        ...Array.from({ length: n }, (_, i) => `"Imported ${i}",${prefix}-${i}@example.com,Role ${(i % 10) + 1},${prefix}-${i},tag-0${i % 9 + 1};imported,Engineer,senior`),
      ].join('\r\n');
    const post = async (body: string) => {
      const cpuBefore = cpuMs(server.pid);
      const started = process.hrtime.bigint();
      const res = await fetch(`${server.url}/api/v1/participants/import`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body });
      const report = (await res.json()) as { data?: { created: number } };
      return {
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        cpuSeconds: (cpuMs(server.pid) - cpuBefore) / 1000,
        created: report.data?.created ?? -1,
        status: res.status,
      };
    };
    await post(csv(`warm-${RUN_ID}`, 1_000));
    const file = csv(`import-${RUN_ID}`, IMPORT_ROWS);
    const run = await post(file);
    if (run.status !== 200 || run.created !== IMPORT_ROWS) throw new Error(`import: status ${run.status}, created ${run.created}`);
    rows.push({
      scenario: `CSV import of ${IMPORT_ROWS.toLocaleString('en')} rows`,
      seconds: run.seconds,
      rowsPerSec: IMPORT_ROWS / run.seconds,
      rssMb: rssOf(docketTarget),
      target: { maxSeconds: 10 },
      note: `${(file.length / 1024 / 1024).toFixed(1)} MiB, template by name; server CPU ${run.cpuSeconds.toFixed(2)} s`,
    });
  }
  return { rows, pairs };
}

function verdict(row: Row): string {
  const t = row.target;
  const checks: boolean[] = [];
  if (t.minReqPerSec !== undefined) checks.push((row.reqPerSec ?? 0) >= t.minReqPerSec);
  if (t.maxP99Ms !== undefined) checks.push((row.p99Ms ?? Infinity) <= t.maxP99Ms);
  if (t.maxP50Ms !== undefined) checks.push((row.p50Ms ?? Infinity) <= t.maxP50Ms);
  if (t.maxSeconds !== undefined) checks.push((row.seconds ?? Infinity) <= t.maxSeconds);
  if (checks.length === 0) return '';
  return checks.every(Boolean) ? 'met' : 'MISSED';
}

function targetText(t: RowTarget): string {
  const parts: string[] = [];
  if (t.minReqPerSec !== undefined) parts.push(`≥ ${t.minReqPerSec.toLocaleString('en')} req/s`);
  if (t.maxP99Ms !== undefined) parts.push(`p99 ≤ ${t.maxP99Ms} ms`);
  if (t.maxP50Ms !== undefined) parts.push(`median ≤ ${t.maxP50Ms} ms`);
  if (t.maxSeconds !== undefined) parts.push(`≤ ${t.maxSeconds} s`);
  return parts.join(', ');
}

function table(rows: Row[], ceilingReqPerSec: number, peakRss: number): string {
  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const lines = [
    '| scenario | req/s | p50 ms | p99 ms | rows/s | time | × ceiling | server CPU µs/req | RSS MB | target | result |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const ratio = row.reqPerSec === undefined ? '' : (row.reqPerSec / ceilingReqPerSec).toFixed(3);
    lines.push(
      `| ${row.scenario} | ${fmt(row.reqPerSec)} | ${fmt(row.p50Ms, 1)} | ${fmt(row.p99Ms, 1)} | ${fmt(row.rowsPerSec)} | ${row.seconds === undefined ? '' : `${row.seconds.toFixed(2)} s`} | ${ratio} | ${fmt(row.cpuUsPerRequest)} | ${fmt(row.rssMb)} | ${targetText(row.target)} | ${verdict(row)} |`,
    );
  }
  lines.push(`| server RSS, peak over the run | | | | | | | | ${fmt(peakRss)} | ≤ 300 MB | ${peakRss <= 300 ? 'met' : 'MISSED'} |`);
  return lines.join('\n');
}

/** Docket beside the minimal server, scenario by scenario: throughput ratios (and, for bulk, the median's). */
function sideBySide(pairs: Pair[], ceilingReqPerSec: number): string {
  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const goals: Record<string, number> = { 'get by id': 0.7, 'list by tag (50, deep cursor)': 0.9, create: 0.6, [`bulk of ${BULK_SIZE}`]: 0.6 };
  const lines = [
    '| scenario | minimal req/s | Docket req/s | p50 ms minimal / Docket | CPU µs/req minimal / Docket | Docket transactions per commit | Docket ÷ minimal, median (rounds) | Docket ÷ ceiling | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const { scenario, docket, minimal, ratios } of pairs) {
    if (minimal === undefined || ratios === undefined) continue;
    const ratio = median(ratios);
    const goal = goals[scenario];
    lines.push(
      `| ${scenario} | ${fmt(minimal.reqPerSec)} | ${fmt(docket.reqPerSec)} | ${fmt(minimal.p50Ms, 1)} / ${fmt(docket.p50Ms, 1)} | ${fmt(minimal.cpuUsPerRequest)} / ${fmt(docket.cpuUsPerRequest)} | ${fmt(docket.transactionsPerCommit, 2)} | ${ratio.toFixed(2)} (${ratios.map((r) => r.toFixed(2)).join(', ')}) | ${((docket.reqPerSec ?? 0) / ceilingReqPerSec).toFixed(3)} | ${goal === undefined ? '' : `≥ ${goal} ${ratio >= goal ? 'met' : 'MISSED'}`} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const databaseUrl = env['DATABASE_URL'];
  const postgres = databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(databaseUrl);
  log(`Docket benchmark · ${postgres ? 'PostgreSQL' : 'SQLite'} · ${ROWS.toLocaleString('en')} participants · ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per scenario`);
  log(`node ${process.version} · ${process.platform} ${process.arch}`);
  log();
  log('Preparing the database');
  const data = postgres && databaseUrl !== undefined ? await preparePostgres(databaseUrl, ROWS) : await prepareSqlite(RESULTS, ROWS, env['BENCH_REUSE'] === '1');
  log(`  seeded in ${data.seconds.toFixed(1)} s (${data.tagRows.toLocaleString('en')} tag rows)`);
  if (data.dialect === 'sqlite') log(`  database file ${(statSync(data.databaseUrl.slice('sqlite:'.length)).size / 1024 / 1024).toFixed(0)} MB`);

  const children: Child[] = [];
  try {
    const ceilingPort = await freePort();
    const ceilingServer = await startNode({
      script: join(import.meta.dirname, 'ceiling-server.ts'),
      args: [String(ceilingPort)],
      port: ceilingPort,
      readyPath: '/',
      logFile: join(RESULTS, 'ceiling.log'),
    });
    children.push(ceilingServer);

    // The server runs as `npm start` runs it: compiled JavaScript (tsx would add a loader
    // thread to its memory).
    log();
    log('Building the server (tsc -p tsconfig.build.json)');
    const root = join(import.meta.dirname, '..');
    const build = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('the build failed');
    // BENCH_WEBHOOK=1: a loopback receiver, and an endpoint subscribed to participant.created
    // (below), so that every create also fans out and is delivered by the same server.
    let receiver: Child | undefined;
    if (WEBHOOK) {
      receiver = await startWebhookReceiver(join(RESULTS, 'webhook-receiver.log'));
      children.push(receiver);
    }
    const port = await freePort();
    const profileDir = join(RESULTS, 'profiles');
    const server = await startNode({
      script: join(root, 'dist', 'src', 'cli.js'),
      typescript: false,
      args: ['serve'],
      nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: data.databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL,
        RATE_LIMIT_PER_SECOND: '1000000',
        RATE_LIMIT_BURST: '1000000',
        ...(receiver === undefined ? {} : { OUTBOUND_ALLOW: new URL(receiver.url).host }),
      },
      port,
      readyPath: '/healthz',
      logFile: join(RESULTS, 'server.log'),
    });
    children.push(server);
    if (receiver !== undefined) {
      const res = await fetch(`${server.url}/api/v1/webhook-endpoints`, {
        method: 'POST',
        headers: { 'x-api-key': data.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${receiver.url}/hook`, events: ['participant.created'] }),
      });
      if (res.status !== 201) throw new Error(`the webhook endpoint: ${res.status} ${await res.text()}`);
      log(`  one webhook endpoint subscribed to participant.created (${receiver.url}/hook)`);
    }
    const rss = new RssSampler(server.pid).start();
    const targets: Target[] = [];
    // The minimal hand-written server (SQLite): the same file, the same rows, its own process.
    if (data.dialect === 'sqlite' && env['BENCH_MINIMAL'] !== '0') {
      const minimalPort = await freePort();
      const minimal = await startNode({
        script: join(import.meta.dirname, 'minimal-server.ts'),
        args: [String(minimalPort), data.databaseUrl.slice('sqlite:'.length), data.accountId],
        nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, 'minimal')}`] : [],
        port: minimalPort,
        readyPath: '/',
        logFile: join(RESULTS, 'minimal.log'),
      });
      children.push(minimal);
      targets.push({ kind: 'minimal', server: minimal });
    }
    targets.push({ kind: 'docket', server, rss });

    log();
    // The ceiling before and after Docket's scenarios: if they differ much, something else
    // used the machine during the run, and the figures between are less comparable.
    const ceilingRow = async (when: string): Promise<Row> => {
      const measured = await measure(ceilingServer.pid, ceilingServer.url, { method: 'GET', path: '/' });
      log(`  ${when}: ${measured.result.requests.average.toFixed(0)} req/s`);
      return fromResult(`ceiling: bare Fastify GET (constant), ${when}`, measured, 0, {});
    };
    log('Ceiling: bare Fastify GET returning a constant');
    const before = await ceilingRow('before');

    log();
    log(targets.length > 1 ? 'Scenarios: the minimal server, then Docket' : 'Docket');
    rss.take();
    const { rows, pairs } = await runScenarios(data, targets);
    rss.stop();
    const peakRss = Math.max(0, ...rows.map((r) => r.rssMb));
    log();
    const after = await ceilingRow('after');
    const ceilingReqPerSec = ((before.reqPerSec ?? 0) + (after.reqPerSec ?? 0)) / 2;
    const output = table([before, after, ...rows], ceilingReqPerSec, peakRss);
    log();
    log(output);
    if (pairs.some((p) => p.minimal !== undefined)) {
      log();
      log(sideBySide(pairs, ceilingReqPerSec));
    }
    log();
    log(`load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
    const file = join(RESULTS, `run-${data.dialect}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        { dialect: data.dialect, rows: ROWS, connections: CONNECTIONS, durationS: DURATION_S, ceiling: [before, after], results: rows, sideBySide: pairs, peakRss, logLevel: LOG_LEVEL, loadavg: loadavg() },
        null,
        2,
      ),
    );
    log();
    log(`Results written to ${file}`);
  } finally {
    for (const child of children.reverse()) await child.stop();
    await data.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
