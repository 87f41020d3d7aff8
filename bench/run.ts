/**
 * `npm run bench`: seeds one account with a million participants (20 tags, 10 templates),
 * starts the real server in a child process, and measures it with autocannon (4 connections,
 * a warm-up, then 10 s per scenario) beside a bare Fastify route in the same run — the
 * machine's ceiling, so figures compare across machines as ratios.
 *
 * Environment: DATABASE_URL=postgres://… measures PostgreSQL (in a dedicated database, dropped
 * afterwards); BENCH_ROWS (1000000), BENCH_DURATION (10 s), BENCH_WARMUP (3 s),
 * BENCH_CONNECTIONS (4), BENCH_ONLY (e.g. "get,list"), BENCH_REUSE=1 (SQLite: reuse the seed of
 * an earlier run), BENCH_PROFILE=1 (server CPU profile in bench/results/profiles),
 * BENCH_LOG_LEVEL (warn).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { encodeCursor } from '../src/lib/pagination.js';
import { canonicalFilters } from '../src/modules/participants/participants.service.js';
import { preparePostgres, prepareSqlite, type BenchData } from './prepare.js';
import { cpuMs, freePort, RssSampler, startNode, type Child } from './processes.js';

const env = process.env;
const RESULTS = join(import.meta.dirname, 'results');
const ROWS = Number(env['BENCH_ROWS'] ?? 1_000_000);
const DURATION_S = Number(env['BENCH_DURATION'] ?? 10);
const WARMUP_S = Number(env['BENCH_WARMUP'] ?? 3);
const CONNECTIONS = Number(env['BENCH_CONNECTIONS'] ?? 4);
const ONLY = env['BENCH_ONLY']?.split(',').map((s) => s.trim()) ?? [];
const PROFILE = env['BENCH_PROFILE'] === '1';
const LOG_LEVEL = env['BENCH_LOG_LEVEL'] ?? 'warn';
const IMPORT_ROWS = 50_000;
const BULK_SIZE = 500;
const RUN_ID = Date.now().toString(36);

interface Target {
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
  target: Target;
  note?: string;
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

function fromResult(scenario: string, { result, cpuUsPerRequest }: Measured, rssMb: number, target: Target, note?: string): Row {
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

async function runScenarios(data: BenchData, server: Child, rss: RssSampler): Promise<Row[]> {
  const rows: Row[] = [];
  const headers = { 'x-api-key': data.apiKey };
  const jsonHeaders = { ...headers, 'content-type': 'application/json' };
  let counter = 0;

  if (wanted('get')) {
    const ids = data.sampleIds;
    let k = 0;
    const result = await measure(server.pid, server.url, {
      method: 'GET',
      headers,
      setupRequest: (request) => ({ ...request, path: `/api/v1/participants/${ids[k++ % ids.length] ?? ''}` }),
    });
    rows.push(fromResult('get by id', result, rss.take(), { minReqPerSec: 10_000, maxP99Ms: 3 }, `random ids of ${ids.length.toLocaleString('en')}`));
  }

  if (wanted('list')) {
    // A cursor half-way down each tag: the page the million-row account makes expensive.
    const paths = data.tags.map((tag) => {
      const cursor = encodeCursor(canonicalFilters({ tag: [tag] }), data.middle);
      return `/api/v1/participants?tag=${tag}&limit=50&cursor=${cursor}`;
    });
    const check = await fetch(`${server.url}${paths[0] ?? ''}`, { headers });
    const page = (await check.json()) as { data: unknown[] };
    if (page.data.length !== 50) throw new Error(`the deep tag page has ${page.data.length} rows, not 50`);
    let k = 0;
    const result = await measure(server.pid, server.url, {
      method: 'GET',
      headers,
      setupRequest: (request) => ({ ...request, path: paths[k++ % paths.length] ?? '' }),
    });
    rows.push(fromResult('list by tag (50, deep cursor)', result, rss.take(), { minReqPerSec: 2_500, maxP99Ms: 10 }, '20 tags, cursor at row 500,000'));
  }

  if (wanted('create')) {
    const result = await measure(server.pid, server.url, {
      method: 'POST',
      path: '/api/v1/participants',
      headers: jsonHeaders,
      setupRequest: (request) => {
        counter += 1;
        const body = participantBody(data.tags[counter % data.tags.length] ?? 'tag', counter, data.templateIds[counter % data.templateIds.length] ?? '');
        return { ...request, body: JSON.stringify(body) };
      },
    });
    rows.push(fromResult('create', result, rss.take(), { minReqPerSec: 3_000, maxP99Ms: 20 }, 'unique emails, tags, template'));
  }

  if (wanted('bulk')) {
    const bulkRequest = (): AutocannonRequest => ({
      method: 'POST',
      path: '/api/v1/participants/bulk',
      headers: jsonHeaders,
      setupRequest: (request) => {
        const participants = Array.from({ length: BULK_SIZE }, () => {
          counter += 1;
          return participantBody(data.tags[counter % data.tags.length] ?? 'tag', counter, data.templateIds[counter % data.templateIds.length] ?? '');
        });
        return { ...request, body: JSON.stringify({ participants }) };
      },
    });
    const result = await measure(server.pid, server.url, bulkRequest());
    const row = fromResult(`bulk of ${BULK_SIZE}`, result, rss.take(), { maxP50Ms: 80 }, `${CONNECTIONS} connections`);
    row.rowsPerSec = result.result.requests.average * BULK_SIZE;
    rows.push(row);
    const single = await measure(server.pid, server.url, bulkRequest(), 1);
    const one = fromResult(`bulk of ${BULK_SIZE}, 1 connection`, single, rss.take(), {}, 'latency without queueing');
    one.rowsPerSec = single.result.requests.average * BULK_SIZE;
    rows.push(one);
  }

  if (wanted('import')) {
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
      rssMb: rss.take(),
      target: { maxSeconds: 10 },
      note: `${(file.length / 1024 / 1024).toFixed(1)} MiB, template by name; server CPU ${run.cpuSeconds.toFixed(2)} s`,
    });
  }
  return rows;
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

function targetText(t: Target): string {
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
      },
      port,
      readyPath: '/healthz',
      logFile: join(RESULTS, 'server.log'),
    });
    children.push(server);
    const rss = new RssSampler(server.pid).start();

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
    log('Docket');
    rss.take();
    const rows = await runScenarios(data, server, rss);
    rss.stop();
    const peakRss = Math.max(0, ...rows.map((r) => r.rssMb));
    log();
    const after = await ceilingRow('after');
    const ceilingReqPerSec = ((before.reqPerSec ?? 0) + (after.reqPerSec ?? 0)) / 2;
    const output = table([before, after, ...rows], ceilingReqPerSec, peakRss);
    log();
    log(output);
    const file = join(RESULTS, `run-${data.dialect}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        { dialect: data.dialect, rows: ROWS, connections: CONNECTIONS, durationS: DURATION_S, ceiling: [before, after], results: rows, peakRss, logLevel: LOG_LEVEL },
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
