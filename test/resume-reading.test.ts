import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutboundAllow } from '../src/config/outbound-allow.js';
import { packageRoot } from '../src/lib/package-root.js';
import { OutboundGuard } from '../src/net/outbound.js';
import { ResumeExtractor } from '../src/modules/resumes/resume-extractor.js';
import { fetchResume } from '../src/modules/resumes/resume-fetcher.js';
import { matchSkills, normaliseText } from '../src/modules/resumes/resume-text.js';
import { checkZip } from '../src/modules/resumes/zip-gate.js';
import { closedPort, loopbackLookup } from './helpers/net.js';
import { makeDocx, makePdf, makeZipBombDocx } from './helpers/resume-files.js';

const run = promisify(execFile);

describe('resume text', () => {
  it('is normalised: ligatures folded, line breaks unified, controls and zero-width characters dropped, spaces collapsed', () => {
    const { text, characters } = normaliseText('  Jane\u00a0\u00a0Smith\r\n\r\n\r\n\r\nﬁnance\tand\u200b ops\u0000\u0007\n\n  Ｇｏ  ');
    expect(text).toBe('Jane Smith\n\nfinance and ops\n\nGo');
    expect(characters).toBe(text.length);
  });

  it('is capped at a number of characters, never splitting a surrogate pair', () => {
    const { text, characters } = normaliseText('😀'.repeat(10), 4);
    expect(text).toBe('😀😀😀😀');
    expect(characters).toBe(4);
    expect(normaliseText('a'.repeat(1_000_000), 200_000).characters).toBe(200_000);
  });
});

describe('skill matching', () => {
  const text = 'Built search at Google. Languages: C++, C#, TypeScript; runtime Node.js on ASP.NET hosts.\nMachine\nLearning and (regex) fans.';

  it('matches whole words case-insensitively, so "Go" is not found in "Google" nor "C" in "C++"', () => {
    expect(matchSkills(text, ['Go', 'C', 'c++', 'C#', 'typescript', 'Node.js', '.NET', 'machine learning', '(regex)', 'Rust', 'Script', ''])).toEqual([
      'c++',
      'C#',
      'typescript',
      'Node.js',
      '.NET',
      'machine learning',
      '(regex)',
    ]);
    expect(matchSkills('I write Go daily', ['Go'])).toEqual(['Go']);
    expect(matchSkills('Résumé: Ärzte-Software', ['ärzte'])).toEqual(['ärzte']);
  });
});

describe('the zip gate', () => {
  it('passes a real DOCX', async () => {
    expect(checkZip(await makeDocx())).toMatchObject({ ok: true });
  });

  it('refuses declared and hidden bombs, many entries, and damage', async () => {
    expect(checkZip(await makeZipBombDocx(80))).toMatchObject({ ok: false, reason: 'too_large' });
    expect(checkZip(await makeZipBombDocx(8, { hide: true }))).toMatchObject({ ok: false, reason: 'too_large' });
    const docx = await makeDocx();
    expect(checkZip(docx, { maxEntries: 3, maxTotalBytes: 1e9 })).toMatchObject({ ok: false, reason: 'too_large' });
    expect(checkZip(docx.subarray(0, docx.length - 200))).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(checkZip(Buffer.from('not a zip'))).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});

describe('the extractor', () => {
  it('stops a read that takes longer than its limit', async () => {
    const extractor = new ResumeExtractor({ timeoutMs: 50, heapMb: 128 });
    const result = await extractor.extract(await makePdf());
    expect(result).toMatchObject({ ok: false, code: 'extraction_failed', message: expect.stringContaining('took longer than 50 ms') });
    expect(result.ms).toBeLessThan(1000);
  });

  it('runs from the compiled JavaScript as well (dist/), without tsx', async () => {
    // dist/ is built by test/global-setup.ts.
    const compiled = join(packageRoot(), 'dist', 'src', 'modules', 'resumes', 'resume-extractor.js');
    const script = `
      const { ResumeExtractor } = await import(${JSON.stringify(pathToFileURL(compiled).href)});
      const bytes = Buffer.from(process.argv[1], 'base64');
      const result = await new ResumeExtractor({ timeoutMs: 20000, heapMb: 128 }).extract(bytes);
      process.stdout.write(JSON.stringify(result));`;
    const pdf = (await makePdf(['Compiled worker reads this'])).toString('base64');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, pdf], { timeout: 60_000 });
    expect(JSON.parse(stdout), stdout).toMatchObject({ ok: true, contentType: 'application/pdf', text: 'Compiled worker reads this' });
  });
});

describe('the resume download', () => {
  let server: Server;
  let port: number;
  let guard: OutboundGuard;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/silent') return; // accepts, never answers
      if (req.url === '/busy') res.writeHead(429, { 'retry-after': '120' }).end();
      else res.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    guard = new OutboundGuard({ allow: parseOutboundAllow(`127.0.0.1:${port}`), userAgent: 'Docket/test', lookup: loopbackLookup });
  });
  afterAll(async () => {
    await guard.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up on a server that never answers, within its time budget', async () => {
    const outcome = await fetchResume(guard, `http://127.0.0.1:${port}/silent`, { totalTimeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, code: 'timeout', transient: true });
    expect(outcome.ms).toBeLessThan(2000);
  });

  it('takes Retry-After from a 429 as the time to try again', async () => {
    expect(await fetchResume(guard, `http://127.0.0.1:${port}/busy`, { totalTimeoutMs: 2000 })).toMatchObject({
      ok: false,
      code: 'http_error',
      transient: true,
      retryAfterMs: 120_000,
    });
  });

  it('refuses a name that resolves to a loopback address not on the allow list, over http and https', async () => {
    const other = await closedPort();
    for (const scheme of ['http', 'https']) {
      expect(await fetchResume(guard, `${scheme}://localhost:${other}/`, { totalTimeoutMs: 2000 })).toMatchObject({ ok: false, code: 'blocked_address' });
    }
    // The same name on the allowed port is fine.
    expect(await fetchResume(guard, `http://localhost:${port}/`, { totalTimeoutMs: 2000 })).toMatchObject({ ok: true });
  });
});
