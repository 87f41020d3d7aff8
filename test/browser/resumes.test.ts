import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng, RESUME_LINES } from '../helpers/resume-files.js';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

/** The participant page's resume panel, with the job runner reading files from a loopback server. */

describe('resumes in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  // Any port of 127.0.0.1: the file server's port is known only once it listens.
  const t = useBrowserTest({ env: { OUTBOUND_ALLOW: '127.0.0.1' } });
  let files: Server;
  let base: string;
  const served = new Map<string, { body: Buffer; type: string }>();

  beforeAll(async () => {
    served.set('/jane.pdf', { body: await makePdf(), type: 'application/pdf' });
    served.set('/photo', { body: makePng(), type: 'image/png' });
    files = createServer((req, res) => {
      const file = served.get(req.url ?? '');
      if (file === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': file.type }).end(file.body);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    files.closeAllConnections();
    await new Promise<void>((resolve) => files.close(() => resolve()));
  });

  async function participantWithResume(server: DashboardServer, name: string, path: string, templateId: string): Promise<string> {
    const { status, body } = await server.api('POST', '/api/v1/participants', {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
      evaluation_template_id: templateId,
      resume_url: `${base}${path}`,
    });
    expect(status).toBe(201);
    return (body as { data: { id: string } }).data.id;
  }

  it('shows the status, the matched skills and the text; a failed resume says why and can be tried again', async () => {
    const { page, server } = t();
    const template = await server.api('POST', '/api/v1/evaluation-templates', {
      template_name: 'Backend Engineer',
      skills: ['TypeScript', 'Go', 'PostgreSQL', 'Rust', 'Machine Learning'],
    });
    const templateId = (template.body as { data: { id: string } }).data.id;
    const jane = await participantWithResume(server, 'Jane Smith', '/jane.pdf', templateId);
    const carlos = await participantWithResume(server, 'Carlos Reyes', '/photo', templateId);

    await signIn(page, server.owner, `/a/acme/participants/${jane}`);
    const panel = page.getByRole('region', { name: 'Resume' });
    // The job runner reads the file in the background; the panel updates by itself.
    const skills = panel.getByRole('list', { name: 'Matched skills' });
    await skills.waitFor();
    expect(await skills.getByRole('listitem').allTextContents()).toEqual(['TypeScript', 'PostgreSQL', 'Machine Learning']);
    const text = panel.getByRole('region', { name: 'Extracted resume text' });
    for (const line of RESUME_LINES) expect(await text.textContent()).toContain(line);
    await panel.getByText(/characters · PDF · read/).waitFor();
    // The summary follows without reloading the page.
    await page.getByRole('complementary', { name: 'Summary' }).getByText(/^Read \(/).waitFor();
    await capture(page, 'participant-resume-ready');

    await page.goto(`/a/acme/participants/${carlos}`);
    await panel.getByText('The file is not a PDF, a DOCX or a text file').waitFor();
    expect(await panel.getByText('Could not be read').count()).toBe(1);
    await capture(page, 'participant-resume-failed');
    // The link now serves the resume: trying again reads it.
    served.set('/photo', { body: await makePdf(['Carlos Reyes', 'Go and Rust developer']), type: 'application/pdf' });
    await panel.getByRole('button', { name: 'Try again' }).click();
    await skills.waitFor();
    expect(await skills.getByRole('listitem').allTextContents()).toEqual(['Go', 'Rust']);
    const stored = (await server.api('GET', `/api/v1/participants/${carlos}`)).body as { data: { resume: { status: string } } };
    expect(stored.data.resume.status).toBe('ready');
  });
});
