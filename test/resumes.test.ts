import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../src/db/database.js';
import { RESUME_MAX_BYTES } from '../src/modules/resumes/resume-fetcher.js';
import { resumeJobKey } from '../src/modules/resumes/resume-scheduler.js';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import {
  makeCorruptPdf,
  makeDocx,
  makeEncryptedPdf,
  makeFlateBombPdf,
  makeGzipBody,
  makePdf,
  makePng,
  makeScannedPdf,
  makeZipBombDocx,
  RESUME_LINES,
} from './helpers/resume-files.js';
import { createTestApp, disposeTestApp, type TestApp } from './helpers/test-app.js';

/**
 * SPEC §7 end to end: resume links set through every write path, fetched by the job from a
 * loopback file server through the outgoing guard, read in the extraction worker, recorded on
 * the participant with its event. Every hostile case ends in its status and code while the
 * server keeps answering. Refused targets are loopback addresses; nothing else is contacted.
 */

const BASE = '/api/v1/participants';
const HOUR = 3_600_000;
const SKILLS = ['TypeScript', 'Go', 'C', 'C++', 'PostgreSQL', 'Kubernetes', 'Node.js', 'Rust', 'Machine Learning'];
const EXPECTED_SKILLS = ['TypeScript', 'C++', 'PostgreSQL', 'Kubernetes', 'Node.js', 'Machine Learning'];

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Files {
  pdf: Buffer;
  docx: Buffer;
  scanned: Buffer;
  encrypted: Buffer;
  corrupt: Buffer;
  png: Buffer;
  bomb: Buffer;
  hiddenBomb: Buffer;
  flateBomb: Buffer;
  gzip: Buffer;
}

let files: Files;

beforeAll(async () => {
  files = {
    pdf: await makePdf(),
    docx: await makeDocx(),
    scanned: await makeScannedPdf(),
    encrypted: await makeEncryptedPdf(),
    corrupt: makeCorruptPdf(),
    png: makePng(),
    bomb: await makeZipBombDocx(200),
    hiddenBomb: await makeZipBombDocx(200, { hide: true }),
    flateBomb: await makeFlateBombPdf(1024),
    gzip: makeGzipBody(20),
  };
});

/** The loopback server the resumes are downloaded from; counts requests per path. */
async function startFileServer(routes: Record<string, Handler>): Promise<{ server: Server; port: number; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes[path];
    if (handler === undefined) res.writeHead(404).end('not found');
    else handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

/** A TCP listener that only counts connections: proof that a refused target was never reached. */
async function startTrap(host: string, port = 0): Promise<{ server: TcpServer; port: number; connections: () => number }> {
  let count = 0;
  const server = createTcpServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => count };
}

function send(body: Buffer | string, type: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => res.writeHead(200, { 'content-type': type, ...headers }).end(body);
}

function redirect(to: string): Handler {
  return (_req, res) => res.writeHead(302, { location: to }).end();
}

/** JSON log lines of the test app: the resume module logs each download and read with its times. */
class LogLines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }
}

interface CaseResult {
  name: string;
  status: string;
  code: string | undefined;
  attempts: number;
  fetchMs: number | undefined;
  extractMs: number | undefined;
}

function describeCases(dialect: Dialect): void {
  const clock = new TestClock();
  const logs = new LogLines();
  let t: TestApp;
  let web: Awaited<ReturnType<typeof startFileServer>>;
  let otherAddress: Awaited<ReturnType<typeof startTrap>>;
  let otherPort: Awaited<ReturnType<typeof startTrap>>;
  let templateId: string;
  let flaky = 0;
  const results: CaseResult[] = [];

  beforeAll(async () => {
    web = await startFileServer({
      '/resume.pdf': send(files.pdf, 'application/pdf'),
      // The type comes from the bytes: a DOCX served as octet-stream under a misleading name.
      '/cv.bin': send(files.docx, 'application/octet-stream'),
      '/resume.txt': send(`${RESUME_LINES.join('\n')}\n`, 'text/plain; charset=utf-8'),
      '/latin1.txt': send(Buffer.from('Jos\xe9 P\xe9rez, C++ developer', 'latin1'), 'text/plain'),
      '/photo.png': send(files.png, 'image/png'),
      '/scan.pdf': send(files.scanned, 'application/pdf'),
      '/encrypted.pdf': send(files.encrypted, 'application/pdf'),
      '/corrupt.pdf': send(files.corrupt, 'application/pdf'),
      '/bomb.docx': send(files.bomb, 'application/octet-stream'),
      '/hidden-bomb.docx': send(files.hiddenBomb, 'application/octet-stream'),
      '/flate-bomb.pdf': send(files.flateBomb, 'application/pdf'),
      '/huge.txt': send(Buffer.alloc(RESUME_MAX_BYTES + 1024 * 1024, 'a'), 'text/plain'),
      '/gzip.txt': send(files.gzip, 'text/plain', { 'content-encoding': 'gzip' }),
      '/hang.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.write('%PDF-1.7\n');
      },
      '/error.pdf': (_req, res) => res.writeHead(500).end('broken'),
      '/gone.pdf': (_req, res) => res.writeHead(404).end('no such file'),
      '/flaky.pdf': (_req, res) => {
        flaky += 1;
        if (flaky === 1) res.writeHead(503).end('try later');
        else res.writeHead(200, { 'content-type': 'application/pdf' }).end(files.pdf);
      },
      '/r1': redirect('/resume.pdf'),
      '/r2': redirect('/r1'),
      '/r3': redirect('/r2'),
      '/r4': redirect('/r3'),
      '/to-other-address': (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${web.port}/resume.pdf` }).end(),
      '/to-other-port': (_req, res) => res.writeHead(307, { location: `http://127.0.0.1:${otherPort.port}/resume.pdf` }).end(),
    });
    // 127.0.0.2 is loopback too, but not on OUTBOUND_ALLOW; nor is another port of 127.0.0.1.
    otherAddress = await startTrap('127.0.0.2', web.port);
    otherPort = await startTrap('127.0.0.1');
    t = await createTestApp(dialect, {
      clock,
      logStream: logs,
      env: {
        LOG_LEVEL: 'info',
        OUTBOUND_ALLOW: `127.0.0.1:${web.port}`,
        RESUME_FETCH_TIMEOUT_MS: '1000',
        RESUME_EXTRACT_MEMORY_MB: '128',
      },
    });
    const template = await t.request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Backend', skills: SKILLS } });
    expect(template.statusCode).toBe(201);
    templateId = String(template.body.data.id);
  });

  afterAll(async () => {
    if (results.length > 0) {
      const table = results.map((r) => `${r.name.padEnd(34)} ${`${r.status}/${r.code ?? '-'}`.padEnd(30)} attempts=${r.attempts} fetch_ms=${r.fetchMs ?? '-'} extract_ms=${r.extractMs ?? '-'}`);
      process.stdout.write(`\nResume cases on ${dialect}:\n  ${table.join('\n  ')}\n`);
    }
    await disposeTestApp(t);
    web.server.closeAllConnections();
    await new Promise<void>((resolve) => web.server.close(() => resolve()));
    for (const trap of [otherAddress, otherPort]) await new Promise<void>((resolve) => trap.server.close(() => resolve()));
  });

  const url = (path: string) => `http://127.0.0.1:${web.port}${path}`;

  async function createWithResume(path: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await t.request('POST', BASE, {
      body: { name: `Case ${path}`, email: `case-${Math.random().toString(36).slice(2)}@example.com`, evaluation_template_id: templateId, resume_url: url(path), ...extra },
    });
    expect(res.statusCode).toBe(201);
    expect(res.body.data.resume).toEqual({ status: 'pending' });
    return String(res.body.data.id);
  }

  async function resumeOf(id: string) {
    return (await t.request('GET', `${BASE}/${id}`)).body.data.resume;
  }

  /** Runs the jobs due, then moves the clock past the longest backoff and again, until none is left. */
  async function drainWithRetries(rounds = 6): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      await t.drain();
      clock.advance(2 * HOUR);
    }
  }

  async function pendingJobs(): Promise<{ dedupe_key: string | null; payload: string; status: string; attempts: number }[]> {
    return t.db.handle.db.selectFrom('jobs').select(['dedupe_key', 'payload', 'status', 'attempts']).where('kind', '=', 'resume.fetch').execute();
  }

  function record(name: string, id: string, resume: { status: string; error?: { code: string } }): void {
    const lines = logs.lines.filter((l) => l['participant'] === id);
    const read = lines.filter((l) => l['msg'] === 'resume read').at(-1);
    const failed = lines.filter((l) => l['msg'] === 'resume download failed').at(-1);
    results.push({
      name,
      status: resume.status,
      code: resume.error?.code,
      attempts: lines.length,
      fetchMs: (read?.['fetch_ms'] ?? failed?.['ms']) as number | undefined,
      extractMs: read?.['extract_ms'] as number | undefined,
    });
  }

  describe('normal files', () => {
    it('reads a PDF, a DOCX (type from the bytes) and UTF-8 text; the participant, the text and the matched skills show it', async () => {
      const ids = { pdf: await createWithResume('/resume.pdf'), docx: await createWithResume('/cv.bin'), text: await createWithResume('/resume.txt') };
      await t.drain();
      const types = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text: 'text/plain' };
      for (const [kind, id] of Object.entries(ids) as [keyof typeof ids, string][]) {
        const resume = await resumeOf(id);
        expect(resume).toEqual({ status: 'ready', fetched_at: clock.now().toISOString(), characters: expect.any(Number), content_type: types[kind] });
        record(`${kind} (normal)`, id, resume);
        const details = await t.request('GET', `${BASE}/${id}/resume`);
        expect(details.statusCode).toBe(200);
        expect(details.body.data).toMatchObject({ status: 'ready', content_type: types[kind], resume_url: expect.stringContaining('127.0.0.1') });
        for (const line of RESUME_LINES) expect(details.body.data.text).toContain(line);
        expect(details.body.data.characters).toBe([...details.body.data.text].length);
        // Word boundaries: "Go" is not in "Google", "C" is not in "C++", "Rust" is absent.
        expect(details.body.data.matched_skills).toEqual(SKILLS.filter((s) => EXPECTED_SKILLS.includes(s)));
      }
      const events = await t.services.events.list(t.db.handle.db, t.account.id, { limit: 1000 });
      const ready = events.filter((e) => e.event === 'resume.ready');
      expect(ready.map((e) => (e.data['participant'] as { id: string }).id).sort()).toEqual(Object.values(ids).sort());
      expect((ready[0]?.data['participant'] as { resume: { status: string } }).resume.status).toBe('ready');
    });

    it('follows up to 3 redirects, each checked again', async () => {
      const id = await createWithResume('/r3');
      await t.drain();
      const resume = await resumeOf(id);
      expect(resume).toMatchObject({ status: 'ready', content_type: 'application/pdf' });
      record('3 redirects', id, resume);
      expect(web.hits.get('/r3')).toBe(1);
    });

    it('retries a transient failure (503) and reads the file on the next attempt', async () => {
      const id = await createWithResume('/flaky.pdf');
      await t.drain();
      expect(await resumeOf(id)).toEqual({ status: 'pending' });
      const [job] = (await pendingJobs()).filter((j) => j.dedupe_key === resumeJobKey(id));
      expect(job).toMatchObject({ status: 'pending', attempts: 1 });
      await drainWithRetries(2);
      const resume = await resumeOf(id);
      expect(resume).toMatchObject({ status: 'ready' });
      record('503 then PDF', id, resume);
    });
  });

  describe('failures', () => {
    const cases: [name: string, path: string, code: string, transient?: boolean][] = [
      ['PNG (unsupported)', '/photo.png', 'unsupported_type'],
      ['Latin-1 text (not UTF-8)', '/latin1.txt', 'unsupported_type'],
      ['scanned PDF (no text)', '/scan.pdf', 'empty_text'],
      ['encrypted PDF', '/encrypted.pdf', 'extraction_failed'],
      ['corrupt PDF', '/corrupt.pdf', 'extraction_failed'],
      ['zip bomb DOCX (declared 200 MiB)', '/bomb.docx', 'too_large'],
      ['zip bomb DOCX (hidden, 200 MiB)', '/hidden-bomb.docx', 'too_large'],
      ['oversized body (11 MiB)', '/huge.txt', 'too_large'],
      ['gzip body (20 MiB inflated)', '/gzip.txt', 'unsupported_type'],
      ['4 redirects', '/r4', 'http_error'],
      ['404', '/gone.pdf', 'http_error'],
      ['redirect to 127.0.0.2', '/to-other-address', 'blocked_address'],
      ['redirect to another port', '/to-other-port', 'blocked_address'],
      ['500 (retried)', '/error.pdf', 'http_error', true],
      ['never-ending response (retried)', '/hang.pdf', 'timeout', true],
    ];

    it('each hostile or broken case ends failed with its code; transient ones only after every attempt', async () => {
      const ids = new Map<string, string>();
      for (const [name, path] of cases) ids.set(name, await createWithResume(path));
      await t.drain();
      // Permanent failures are final at once; transient ones are still pending, to be retried.
      for (const [name, , code, transient] of cases) {
        const resume = await resumeOf(ids.get(name) ?? '');
        if (transient === true) expect(resume, name).toEqual({ status: 'pending' });
        else expect(resume, name).toMatchObject({ status: 'failed', error: { code, message: expect.any(String) } });
      }
      await drainWithRetries();
      for (const [name, path, code] of cases) {
        const id = ids.get(name) ?? '';
        const resume = await resumeOf(id);
        expect(resume, name).toMatchObject({ status: 'failed', error: { code }, fetched_at: expect.any(String) });
        record(name, id, resume);
        const details = await t.request('GET', `${BASE}/${id}/resume`);
        expect(details.body.data).toMatchObject({ status: 'failed', text: null, matched_skills: [] });
        if (path === '/error.pdf' || path === '/hang.pdf') expect(web.hits.get(path)).toBe(5);
      }
      expect((await resumeOf(ids.get('PNG (unsupported)') ?? '')).content_type).toBe('image/png');
      // Refused targets were never connected to; nothing was left queued.
      expect(otherAddress.connections()).toBe(0);
      expect(otherPort.connections()).toBe(0);
      expect((await pendingJobs()).filter((j) => [...ids.values()].some((id) => j.dedupe_key === resumeJobKey(id)))).toEqual([]);
      const failedEvents = (await t.services.events.list(t.db.handle.db, t.account.id, { limit: 1000 })).filter((e) => e.event === 'resume.failed');
      expect(failedEvents.length).toBe(cases.length);
    });

    it('the server keeps answering while a hostile file is being read', async () => {
      const id = await createWithResume('/flate-bomb.pdf');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address() as AddressInfo;
      const latencies: number[] = [];
      let reading = true;
      const probe = (async () => {
        while (reading) {
          const started = performance.now();
          const res = await fetch(`http://127.0.0.1:${address.port}/healthz`);
          await res.arrayBuffer();
          expect(res.status).toBe(200);
          latencies.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const started = performance.now();
      await t.drain();
      const readMs = performance.now() - started;
      reading = false;
      await probe;
      const resume = await resumeOf(id);
      expect(resume).toMatchObject({ status: 'failed', error: { code: 'extraction_failed' } });
      record('flate bomb PDF (1 GiB content)', id, resume);
      latencies.sort((a, b) => a - b);
      const p50 = latencies[Math.floor(latencies.length / 2)] ?? 0;
      const max = latencies.at(-1) ?? 0;
      process.stdout.write(
        `\n/healthz on ${dialect} while reading the flate bomb (${Math.round(readMs)} ms): ${latencies.length} probes, p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms\n`,
      );
      // The read took seconds; a blocked event loop would have held a probe for as long, and
      // answered few. (Single slow probes happen on a loaded machine: the bound is generous.)
      expect(readMs).toBeGreaterThan(1000);
      expect(latencies.length).toBeGreaterThan(readMs / 200);
      expect(p50).toBeLessThan(50);
      expect(max).toBeLessThan(readMs / 4);
    });
  });

  describe('scheduling', () => {
    it('enqueues the fetch in the same transaction as the change, one job per participant, the latest URL winning', async () => {
      const id = await createWithResume('/resume.pdf');
      expect((await pendingJobs()).filter((j) => j.dedupe_key === resumeJobKey(id))).toHaveLength(1);
      // A refused create (duplicate) leaves no job behind.
      const before = (await pendingJobs()).length;
      const email = (await t.request('GET', `${BASE}/${id}`)).body.data.email;
      const duplicate = await t.request('POST', BASE, {
        body: { name: 'Again', email, evaluation_template_id: templateId, resume_url: url('/resume.txt') },
      });
      expect(duplicate.statusCode).toBe(409);
      expect((await pendingJobs()).length).toBe(before);

      await t.request('PATCH', `${BASE}/${id}`, { body: { resume_url: url('/cv.bin') } });
      await t.request('PATCH', `${BASE}/${id}`, { body: { resume_url: url('/resume.txt') } });
      const jobs = (await pendingJobs()).filter((j) => j.dedupe_key === resumeJobKey(id));
      expect(jobs).toHaveLength(1);
      expect(JSON.parse(jobs[0]?.payload ?? '{}')).toMatchObject({ participantId: id, url: url('/resume.txt') });
      const hits = web.hits.get('/cv.bin') ?? 0;
      await t.drain();
      expect(web.hits.get('/cv.bin') ?? 0).toBe(hits);
      expect(await resumeOf(id)).toMatchObject({ status: 'ready', content_type: 'text/plain' });

      // An unchanged link enqueues nothing; another field changes nothing about the resume.
      await t.request('PATCH', `${BASE}/${id}`, { body: { resume_url: url('/resume.txt'), name: 'Renamed' } });
      expect((await pendingJobs()).filter((j) => j.dedupe_key === resumeJobKey(id))).toHaveLength(0);
      expect(await resumeOf(id)).toMatchObject({ status: 'ready' });

      // Clearing the link drops a queued fetch and the text read from the old one.
      await t.request('PATCH', `${BASE}/${id}`, { body: { resume_url: url('/resume.pdf') } });
      await t.request('PATCH', `${BASE}/${id}`, { body: { resume_url: null } });
      expect((await pendingJobs()).filter((j) => j.dedupe_key === resumeJobKey(id))).toHaveLength(0);
      expect(await t.db.handle.db.selectFrom('participant_resumes').select('url').where('participant_id', '=', id).execute()).toEqual([]);
      expect((await t.request('GET', `${BASE}/${id}/resume`)).statusCode).toBe(404);

      // Deleting a participant drops its queued fetch.
      await t.request('PATCH', `${BASE}/${id}`, { body: { resume_url: url('/resume.pdf') } });
      expect((await pendingJobs()).filter((j) => j.dedupe_key === resumeJobKey(id))).toHaveLength(1);
      expect((await t.request('DELETE', `${BASE}/${id}`)).statusCode).toBe(204);
      expect((await pendingJobs()).filter((j) => j.dedupe_key === resumeJobKey(id))).toHaveLength(0);
    });

    it('bulk and CSV import enqueue a fetch for each created participant with a link', async () => {
      const bulk = await t.request('POST', `${BASE}/bulk`, {
        body: {
          participants: [
            { name: 'Bulk with', email: 'bulk-with@example.com', resume_url: url('/resume.pdf') },
            { name: 'Bulk without', email: 'bulk-without@example.com' },
          ],
        },
      });
      expect(bulk.body.data.created).toBe(2);
      const csv = `name,email,resume_url\nCsv With,csv-with@example.com,${url('/cv.bin')}\nCsv Without,csv-without@example.com,\n`;
      const imported = await t.request('POST', `${BASE}/import`, { body: csv, headers: { 'content-type': 'text/csv' } });
      expect(imported.body.data.created).toBe(2);
      const dry = await t.request('POST', `${BASE}/import`, {
        body: `name,email,resume_url\nDry,dry@example.com,${url('/resume.pdf')}\n`,
        headers: { 'content-type': 'text/csv' },
        query: { dry_run: 'true' },
      });
      expect(dry.body.data.created).toBe(1);
      const withLink = [bulk.body.data.results[0].id, imported.body.data.results[0].id] as string[];
      const without = [bulk.body.data.results[1].id, imported.body.data.results[1].id] as string[];
      const keys = (await pendingJobs()).map((j) => j.dedupe_key);
      for (const id of withLink) expect(keys).toContain(resumeJobKey(id));
      for (const id of without) expect(keys).not.toContain(resumeJobKey(id));
      await t.drain();
      for (const id of withLink) expect(await resumeOf(id)).toMatchObject({ status: 'ready' });
      for (const id of without) expect(await resumeOf(id)).toBeNull();
    });

    it('refresh fetches again; a job for a link that has since changed does nothing', async () => {
      const id = await createWithResume('/resume.txt');
      await t.drain();
      const hits = web.hits.get('/resume.txt') ?? 0;
      const refreshed = await t.request('POST', `${BASE}/${id}/resume/refresh`);
      expect(refreshed.statusCode).toBe(202);
      expect(refreshed.body.data).toEqual({ status: 'pending' });
      expect((await t.request('GET', `${BASE}/${id}/resume`)).body.data).toMatchObject({ status: 'pending', text: null });
      await t.drain();
      expect(web.hits.get('/resume.txt')).toBe(hits + 1);
      expect(await resumeOf(id)).toMatchObject({ status: 'ready' });

      // The job of an older link (overtaken while it ran) leaves the participant alone.
      await t.request('PATCH', `${BASE}/${id}`, { body: { resume_url: url('/resume.pdf') } });
      const outcome = await t.services.resumes.process(
        { accountId: t.account.id, participantId: id, url: url('/resume.txt') },
        { id: 'x', kind: 'resume.fetch', attempt: 1, maxAttempts: 5, accountId: t.account.id },
      );
      expect(outcome).toEqual({ status: 'done' });
      expect(web.hits.get('/resume.txt')).toBe(hits + 1);
      expect(await resumeOf(id)).toEqual({ status: 'pending' });
    });

    it('refuses credentials in a resume link, and answers 404 for a participant without one', async () => {
      const res = await t.request('POST', BASE, {
        body: { name: 'Creds', email: 'creds@example.com', resume_url: `http://user:secret@127.0.0.1:${web.port}/resume.pdf` },
      });
      expect(res.statusCode).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain('resume_url');
      const plain = await t.request('POST', BASE, { body: { name: 'No resume', email: 'none@example.com' } });
      for (const [method, path] of [
        ['GET', `${BASE}/${plain.body.data.id}/resume`],
        ['POST', `${BASE}/${plain.body.data.id}/resume/refresh`],
      ] as const) {
        const answer = await t.request(method, path);
        expect(answer.statusCode).toBe(404);
        expect(answer.body.code).toBe('not_found');
      }
    });
  });
}

forEachDatabase((dialect) => describeCases(dialect));
