import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewerBrain, startFakeLlm, type FakeLlm } from '../helpers/fake-llm.js';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

interface Booked {
  sessionId: string;
  joinPath: string;
}

async function book(server: DashboardServer, options: { profileName?: string; automation?: string } = {}): Promise<Booked> {
  let profileId: string | undefined;
  if (options.profileName !== undefined) {
    const { body } = await server.api('GET', '/api/v1/agent-profiles?pageSize=100');
    profileId = (body as { data: { id: string; name: string }[] }).data.find((p) => p.name === options.profileName)?.id;
  }
  const template = await server.api('POST', '/api/v1/evaluation-templates', {
    template_name: 'Support Specialist',
    skills: ['Zendesk'],
    ...(profileId !== undefined ? { agent_profile_id: profileId } : {}),
    stages: [
      { type: 'screen', stage_name: 'Screen', duration_minutes: 20, automation_rule: options.automation ?? 'none' },
      { type: 'final', stage_name: 'Final' },
    ],
  });
  const templateId = (template.body as { data: { id: string } }).data.id;
  const participant = await server.api('POST', '/api/v1/participants', {
    name: 'Pat Doe',
    email: `pat-${Date.now()}@example.test`,
    external_id: 'ats-42',
    evaluation_template_id: templateId,
  });
  const participantId = (participant.body as { data: { id: string } }).data.id;
  const session = await server.api('POST', '/api/v1/sessions', { candidate_id: participantId, stage: 'screen' });
  const data = (session.body as { data: { id: string; join_url: string } }).data;
  return { sessionId: data.id, joinPath: new URL(data.join_url).pathname };
}

/** Answers every question the page asks until it says the interview is complete. */
async function answerUntilDone(page: Page, answer: (n: number) => string): Promise<number> {
  const box = page.getByRole('textbox', { name: 'Your answer' });
  for (let n = 0; n < 30; n += 1) {
    const done = page.getByText('Your interview is complete.');
    if (await done.isVisible()) return n;
    await box.waitFor();
    await page.waitForFunction(() => !(document.getElementById('answer') as HTMLTextAreaElement | null)?.disabled || document.body.textContent?.includes('Your interview is complete.'));
    if (await done.isVisible()) return n;
    const before = await page.locator('.join-turn').count();
    await box.fill(answer(n));
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.waitForFunction((count) => document.querySelectorAll('.join-turn:not(.join-typing)').length >= count + 2, before);
  }
  throw new Error('the interview did not end');
}

async function sessionOf(server: DashboardServer, id: string): Promise<Record<string, unknown>> {
  const { body } = await server.api('GET', `/api/v1/sessions/${id}`);
  return (body as { data: Record<string, unknown> }).data;
}

describe('the interview on the join page, without a model', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  for (const width of [1280, 375]) {
    it(`runs a whole interview at ${width} px: consent, every planned question, the close`, async () => {
      const { page, server } = t();
      await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
      const booked = await book(server);
      await page.goto(booked.joinPath);
      await page.getByRole('heading', { name: 'Before you begin' }).waitFor();
      const start = page.getByRole('button', { name: 'Start the interview' });
      expect(await start.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: 'I understand and agree' }).check();
      await start.click();
      await page.getByRole('log', { name: 'Conversation' }).waitFor();
      expect(await page.getByRole('timer').getAttribute('aria-label')).toMatch(/^Time left: (20:00|19:5\d)$/);
      expect((await sessionOf(server, booked.sessionId))['status']).toBe('in_progress');
      if (width === 375) await capture(page, 'join-conversation');

      const asked = await answerUntilDone(page, (n) => `In my last job I handled about ${40 + n} tickets a day and kept a 95% satisfaction score.`);
      expect(asked).toBe(6);
      expect(await page.getByRole('log', { name: 'Conversation' }).textContent()).toContain('Thank you, that is the end of the interview');
      expect((await sessionOf(server, booked.sessionId))['status']).toBe('completed');
      if (width === 1280) await capture(page, 'join-finished');
    });
  }

  it('resumes after a reload (with the unsent draft) and refuses a second tab', async () => {
    const { page, server, context } = t();
    const booked = await book(server);
    await page.goto(booked.joinPath);
    await page.getByRole('checkbox', { name: 'I understand and agree' }).check();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    const box = page.getByRole('textbox', { name: 'Your answer' });
    await box.fill('First answer, sent.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('First answer, sent.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.join-turn:not(.join-typing)').length === 3);
    await box.fill('A draft I had not sent yet');

    await page.reload();
    await page.getByRole('log', { name: 'Conversation' }).waitFor();
    await page.getByText('First answer, sent.').waitFor();
    expect(await page.locator('.join-turn').count()).toBe(3);
    expect(await page.getByRole('textbox', { name: 'Your answer' }).inputValue()).toBe('A draft I had not sent yet');

    const second = await context.newPage();
    await second.goto(booked.joinPath);
    await second.getByRole('heading', { name: 'This interview is open in another tab' }).waitFor();
    await capture(second, 'join-second-tab');
    // The first tab keeps going.
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('A draft I had not sent yet').waitFor();
    const transcript = await server.api('GET', `/api/v1/sessions/${booked.sessionId}/transcript`);
    expect((transcript.body as { data: { turns: { text: string }[] } }).data.turns.map((x) => x.text)).toContain('A draft I had not sent yet');
  });

  it('a person scores it in the dashboard (transcript, review form); a passed auto-advance stage books the next', async () => {
    const { page, server } = t();
    const booked = await book(server, { automation: 'auto_advance' });
    const token = booked.joinPath.split('/').pop() ?? '';
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}/api/join/${token}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { data: { status: string; turns: unknown[] } };
    };
    let view = await post('start', { connection_id: 'browser-test-connection', consent: true });
    for (let n = 0; view.data.status === 'in_progress' && n < 20; n += 1) {
      view = await post('answers', { connection_id: 'browser-test-connection', seq: view.data.turns.length + 1, text: `I rebuilt our ticket triage and cut waiting times by half (${n}).` });
    }
    expect(view.data.status).toBe('completed');

    await signIn(page, server.owner, `/a/acme/sessions/${booked.sessionId}`);
    await page.getByText('Waiting for a person to score it').waitFor();
    const transcript = page.getByRole('list', { name: 'Transcript' });
    await transcript.waitFor();
    expect(await transcript.getByRole('listitem').count()).toBe(13);
    const form = page.getByRole('form', { name: 'Review' });
    await form.getByRole('button', { name: 'Save scorecard' }).click();
    await form.getByText('A score from 0 to 10.').first().waitFor();
    await form.getByRole('spinbutton', { name: /^Relevant experience score/ }).fill('8');
    await form.getByRole('textbox', { name: /^Relevant experience notes/ }).fill('Concrete triage example.');
    await form.getByRole('spinbutton', { name: /^Problem solving score/ }).fill('7');
    await form.getByRole('spinbutton', { name: /^Communication score/ }).fill('9');
    await form.getByRole('textbox', { name: /^Summary/ }).fill('Solid support specialist.');
    await capture(page, 'session-review');
    await form.getByRole('button', { name: 'Save scorecard' }).click();
    await page.getByText('Scorecard saved: 8 / 10').waitFor();
    const scorecard = page.getByRole('region', { name: 'Scorecard' });
    await scorecard.getByText('Passed').waitFor();
    expect(await scorecard.textContent()).toContain('Olivia Owner');
    expect(await sessionOf(server, booked.sessionId)).toMatchObject({ score: 8, passed: true, recommendation: 'hire', summary: 'Solid support specialist.' });
    // The next stage is booked by the background runner, and the participant invited.
    await expect
      .poll(async () => {
        const { body } = await server.api('GET', '/api/v1/sessions?stage=final');
        return (body as { data: unknown[] }).data.length;
      }, { timeout: 20_000, interval: 250 })
      .toBe(1);
  });

  it('counts tab switches and pastes as raw signals', async () => {
    const { page, server } = t();
    const booked = await book(server);
    await page.goto(booked.joinPath);
    await page.getByRole('checkbox', { name: 'I understand and agree' }).check();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    const box = page.getByRole('textbox', { name: 'Your answer' });
    await box.focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'pasted text');
      document.getElementById('answer')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    });
    // The next heartbeat brings them (every 5 s).
    await page.waitForResponse((r) => r.url().endsWith('/heartbeat') && r.status() === 200, { timeout: 15_000 });
    const { body } = await server.api('GET', `/api/v1/sessions/${booked.sessionId}/interview`);
    expect((body as { data: { authenticity_signals: unknown } }).data.authenticity_signals).toEqual({ tab_switches: 1, pastes: 1 });
  });
});

describe('the interview on the join page, with a model', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
    fake.setDefault(interviewerBrain());
  });
  afterAll(async () => {
    await fake.close();
  });
  const t = useBrowserTest({ env: () => ({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-interviewer', LLM_MAX_RETRIES: '0' }) });

  it('is planned, conducted with a follow-up and scored by the model', async () => {
    const { page, server } = t();
    const booked = await book(server, { profileName: 'Customer Support Interviewer' });
    await page.goto(booked.joinPath);
    await page.getByRole('checkbox', { name: 'I understand and agree' }).check();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.getByText('Model question 1: tell me about empathy in your work.').waitFor();
    const box = page.getByRole('textbox', { name: 'Your answer' });
    await box.fill('Honestly my answer is vague.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Could you give one concrete example, with numbers?').waitFor();
    await answerUntilDone(page, (n) => `I once calmed an angry customer and refunded them within an hour (${n}).`);
    await page.waitForFunction(
      async (path) => {
        const response = await fetch(path);
        return response.ok;
      },
      `/api/join/${booked.joinPath.split('/').pop() ?? ''}/interview`,
    );
    // Scored in the background by the in-process job runner.
    await expect.poll(async () => (await sessionOf(server, booked.sessionId))['score'], { timeout: 30_000, interval: 250 }).toBe(8);
    expect(await sessionOf(server, booked.sessionId)).toMatchObject({ passed: true, recommendation: 'hire' });
    await signIn(page, server.owner, `/a/acme/sessions/${booked.sessionId}`);
    const scorecard = page.getByRole('region', { name: 'Scorecard' });
    await scorecard.getByText("Docket's interviewer (fake-model-1)").waitFor();
    // Each quote links to the turn it cites.
    await scorecard.getByRole('link', { name: 'Turn 2 in the transcript' }).first().click();
    await page.waitForURL(/#turn-2$/);
    expect(await page.locator('#turn-2').textContent()).toContain('Honestly my answer is vague.');
    await page.getByRole('heading', { name: 'Override the score' }).waitFor();
    await capture(page, 'session-scorecard');
  });
});
