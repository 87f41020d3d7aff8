import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

interface StoredSession {
  id: string;
  status: string;
  stage: string;
  scheduled_at: string | null;
  timezone: string;
  notes: string | null;
  join_url: string;
  invite: { status: string; kind: string } | null;
}

async function seed(server: DashboardServer): Promise<{ templateId: string; participantId: string }> {
  const template = await server.api('POST', '/api/v1/evaluation-templates', {
    template_name: 'Backend Engineer',
    stages: [
      { type: 'screen', stage_name: 'Phone screen' },
      { type: 'technical', stage_name: 'Technical interview', duration_minutes: 60 },
    ],
  });
  const templateId = (template.body as { data: { id: string } }).data.id;
  const participant = await server.api('POST', '/api/v1/participants', {
    name: 'Olena Kovalenko',
    email: 'olena@example.com',
    evaluation_template_id: templateId,
    external_id: 'ats-42',
  });
  return { templateId, participantId: (participant.body as { data: { id: string } }).data.id };
}

async function sessions(server: DashboardServer): Promise<StoredSession[]> {
  return ((await server.api('GET', '/api/v1/sessions?pageSize=100')).body as { data: StoredSession[] }).data;
}

async function outbox(server: DashboardServer): Promise<{ kind: string; subject: string; ics: string | null }[]> {
  return ((await server.api('GET', '/api/v1/outbox?pageSize=100')).body as { data: { kind: string; subject: string; ics: string | null }[] }).data;
}

/** A date `days` ahead as YYYY-MM-DD (UTC date; the time picked below keeps it in the future anywhere). */
function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('sessions in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('books from the participant page in the browser’s zone, and the invite lands in the outbox', async () => {
    const { server, browser } = t();
    const { participantId } = await seed(server);
    // A browser in New York: its zone is preselected.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url, timezoneId: 'America/New_York', reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await signIn(page, server.owner, `/a/acme/participants/${participantId}`);
      await page.getByRole('heading', { name: /Olena Kovalenko/, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Book session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Book a session for Olena Kovalenko' });
      await dialog.waitFor();
      expect(await dialog.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('America/New_York');
      expect(await dialog.getByRole('combobox', { name: 'Evaluation template' }).inputValue()).not.toBe('');
      await dialog.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technical interview (60 min)' });
      const date = dateIn(9);
      await dialog.getByLabel('Date').fill(date);
      await dialog.getByLabel(/^Time\*?$/).fill('09:30');
      await dialog.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Kyiv');
      await dialog.getByRole('textbox', { name: /^Notes/ }).fill('Internal: ask about the migration.');
      await capture(page, 'sessions-book');
      await dialog.getByRole('button', { name: 'Book session' }).click();
      await page.waitForURL(/\/a\/acme\/sessions\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: /Backend Engineer — Technical interview/, level: 1 }).waitFor();
      // The runner delivers in the background; the page shows it as it lands.
      await page.getByRole('complementary', { name: 'Invite and history' }).getByText('In the outbox').first().waitFor();

      const [stored] = await sessions(server);
      expect(stored).toMatchObject({ stage: 'technical', timezone: 'Europe/Kyiv', notes: 'Internal: ask about the migration.', status: 'scheduled' });
      // 9:30 in Kyiv on that date, as an instant.
      const kyivOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Kyiv', timeZoneName: 'shortOffset' })
        .formatToParts(new Date(`${date}T12:00:00Z`))
        .find((p) => p.type === 'timeZoneName')?.value;
      const hours = Number(kyivOffset?.replace('GMT', ''));
      expect(stored?.scheduled_at).toBe(new Date(Date.parse(`${date}T09:30:00Z`) - hours * 3_600_000).toISOString());
      expect(await page.getByRole('textbox', { name: 'Join link' }).inputValue()).toBe(stored?.join_url);
      await capture(page, 'sessions-detail');

      const [invite] = await outbox(server);
      expect(invite?.kind).toBe('invite');
      expect(invite?.ics).toContain('METHOD:REQUEST');
      expect(JSON.stringify(invite)).not.toContain('migration');

      // The participant page shows the timeline.
      await page.getByRole('link', { name: 'Olena Kovalenko' }).first().click();
      const timeline = page.getByRole('list', { name: 'Participant timeline' });
      await timeline.getByText(/Session booked: Backend Engineer \(Technical interview\)/).waitFor();
      await timeline.getByText('Your interview: Backend Engineer (Technical interview)').waitFor();
      await timeline.getByText('Participant added').waitFor();
      await capture(page, 'participant-timeline');
    } finally {
      await context.close();
    }
  });

  it('lists and filters sessions; reschedules, resends and cancels with confirmation', async () => {
    const { page, server } = t();
    const { participantId } = await seed(server);
    const first = await server.api('POST', '/api/v1/sessions', { candidate_id: participantId, stage: 'screen', scheduled_at: new Date(Date.now() + 3 * 86_400_000).toISOString(), timezone: 'Europe/Berlin' });
    expect(first.status).toBe(201);
    const second = await server.api('POST', '/api/v1/sessions', { candidate_id: participantId, stage: 'technical' });
    const secondId = (second.body as { data: { id: string } }).data.id;
    await server.api('POST', `/api/v1/sessions/${secondId}/cancel`);

    await signIn(page, server.owner);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await page.waitForURL('**/a/acme/sessions');
    const rows = page.locator('tbody tr');
    await page.getByRole('row', { name: /Phone screen/ }).waitFor();
    expect(await rows.count()).toBe(2);
    await capture(page, 'sessions-list');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('cancelled');
    await page.waitForURL(/status=cancelled/);
    await page.getByRole('row', { name: /Phone screen/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('');
    await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Phone screen' });
    await page.getByRole('row', { name: /Technical interview/ }).waitFor({ state: 'detached' });
    await page.getByLabel('From').fill(dateIn(10));
    await page.getByText('No session matches').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('row', { name: /Technical interview/ }).waitFor();

    await page.getByRole('row', { name: /Phone screen/ }).getByRole('link').click();
    await page.getByRole('heading', { name: /Phone screen/, level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Reschedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule the session' });
    expect(await dialog.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Europe/Berlin');
    await dialog.getByLabel('Date').fill(dateIn(5));
    await dialog.getByLabel(/^Time\*?$/).fill('14:00');
    await dialog.getByRole('button', { name: 'Save new time' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Rescheduled; Olena Kovalenko gets an update/).waitFor();

    await page.getByRole('button', { name: 'Resend invite' }).click();
    await page.getByText('The invite was sent again to olena@example.com').waitFor();

    await page.getByRole('button', { name: 'Cancel session' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Cancel this session?' });
    await confirm.getByRole('textbox', { name: /^Reason/ }).fill('Position filled');
    await capture(page, 'sessions-cancel-confirm');
    // Cancelling the dialog keeps the session.
    await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await sessions(server)).find((s) => s.stage === 'screen')?.status).toBe('scheduled');
    await page.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByRole('alertdialog', { name: 'Cancel this session?' }).getByRole('button', { name: 'Cancel session' }).click();
    await page.getByRole('heading', { name: /Phone screen/, level: 1 }).getByText('Cancelled').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Position filled' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reschedule' }).count()).toBe(0);

    const screen = (await sessions(server)).find((s) => s.stage === 'screen');
    expect(screen?.status).toBe('cancelled');
    const kinds = async () => (await outbox(server)).map((m) => m.kind).sort();
    await expect.poll(kinds, { timeout: 10_000 }).toEqual(['cancellation', 'cancellation', 'invite', 'invite', 'invite', 'update']);
  });

  it('pages through sessions; Back, Forward and a reload keep the page and its summary', async () => {
    const { page, server } = t();
    const { templateId } = await seed(server);
    const people = Array.from({ length: 29 }, (_, i) => ({ name: `Person ${String(i + 1).padStart(2, '0')}`, email: `p${i + 1}@acme.test`, evaluation_template_id: templateId }));
    const bulk = await server.api('POST', '/api/v1/participants/bulk', { participants: people });
    expect(bulk.status).toBe(200);
    const ids = [...(bulk.body as { data: { results: { id: string }[] } }).data.results.map((r) => r.id)];
    const listed = ((await server.api('GET', '/api/v1/participants?q=olena')).body as { data: { id: string }[] }).data;
    for (const id of [...ids, ...listed.map((p) => p.id)]) {
      expect((await server.api('POST', '/api/v1/sessions', { candidate_id: id, stage: 'screen' })).status).toBe(201);
    }
    const summary = page.getByRole('navigation', { name: 'Pagination' }).locator('.pager-summary');
    await signIn(page, server.owner, '/a/acme/sessions');
    await expect.poll(() => summary.textContent()).toBe('1–25 of 30');
    expect(await page.locator('tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => summary.textContent()).toBe('26–30 of 30');
    expect(await page.locator('tbody tr').count()).toBe(5);
    await page.goBack();
    await expect.poll(() => summary.textContent()).toBe('1–25 of 30');
    await page.goForward();
    await expect.poll(() => summary.textContent()).toBe('26–30 of 30');
    await page.reload();
    await expect.poll(() => summary.textContent()).toBe('26–30 of 30');
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
  });

  it('the Outbox shows each message as the participant would see it', async () => {
    const { page, server } = t();
    const { participantId } = await seed(server);
    await server.api('POST', '/api/v1/sessions', { candidate_id: participantId, scheduled_at: new Date(Date.now() + 2 * 86_400_000).toISOString(), timezone: 'Asia/Kolkata', notes: 'Internal only' });
    await expect.poll(async () => (await outbox(server)).length, { timeout: 10_000 }).toBe(1);
    await signIn(page, server.owner);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL('**/a/acme/outbox');
    await page.getByRole('row', { name: /Your interview: Backend Engineer \(Phone screen\)/ }).waitFor();
    await capture(page, 'outbox-list');
    await page.getByRole('link', { name: 'Your interview: Backend Engineer (Phone screen)' }).click();
    const frame = page.frameLocator('iframe[title^="Message:"]');
    await frame.getByRole('heading', { name: 'You’re invited to an interview' }).waitFor();
    await frame.getByRole('link', { name: 'Join the interview' }).waitFor();
    expect(await frame.locator('body').textContent()).toContain('(Asia/Kolkata, GMT+5:30)');
    expect(await frame.locator('body').textContent()).not.toContain('Internal only');
    await capture(page, 'outbox-message');
    await page.getByRole('tab', { name: 'Plain text' }).click();
    await page.getByText(/Join the interview: http/).waitFor();
    await page.getByRole('tab', { name: 'Calendar entry' }).click();
    await page.getByText(/METHOD:REQUEST/).waitFor();
  });

  it('the join page shows a scheduled, a cancelled and a completed interview, without the dashboard', async () => {
    const { page, server } = t();
    const { participantId } = await seed(server);
    const book = async (stage: string, extra: Record<string, unknown> = {}) =>
      (await server.api('POST', '/api/v1/sessions', { candidate_id: participantId, stage, ...extra })).body as { data: StoredSession };
    const scheduled = (await book('screen', { scheduled_at: new Date(Date.now() + 3 * 86_400_000).toISOString(), timezone: 'Europe/Kyiv', notes: 'Never shown' })).data;
    const done = (await book('technical')).data;
    await server.api('POST', `/api/v1/sessions/${done.id}/start`);
    await server.api('POST', `/api/v1/sessions/${done.id}/complete`);

    const path = (url: string) => new URL(url).pathname;
    await page.goto(path(scheduled.join_url));
    await page.getByRole('heading', { name: 'Your interview', level: 1 }).waitFor();
    const main = page.getByRole('main');
    expect(await main.textContent()).toContain('Backend Engineer');
    expect(await main.textContent()).toContain('Phone screen');
    expect(await main.textContent()).toContain('(Europe/Kyiv, GMT+');
    expect(await main.textContent()).toContain('About 30 minutes');
    expect(await page.content()).not.toContain('Never shown');
    // No dashboard: no sidebar, no sign-in.
    expect(await page.getByRole('complementary', { name: 'Sidebar' }).count()).toBe(0);
    expect(await page.getByLabel('Password').count()).toBe(0);
    await capture(page, 'join-scheduled');

    await server.api('POST', `/api/v1/sessions/${scheduled.id}/cancel`);
    await page.reload();
    await page.getByRole('heading', { name: 'This interview was cancelled', level: 1 }).waitFor();
    await capture(page, 'join-cancelled');

    await page.goto(path(done.join_url));
    await page.getByRole('heading', { name: 'Your interview is complete', level: 1 }).waitFor();
    await capture(page, 'join-completed');

    await page.goto('/join/not-a-real-token-at-all');
    await page.getByRole('heading', { name: 'This link doesn’t work', level: 1 }).waitFor();
  });
});
