import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

interface StoredProfile {
  id: string;
  name: string;
  persona: string | null;
  useCase: string;
  starter: boolean;
  evaluationDimensions: { name: string; description: string; weight: number; threshold: number | null }[];
  interaction: { tone: string; style: string; probingDepth: string };
  additionalInstructions: string | null;
}

async function profiles(server: DashboardServer): Promise<StoredProfile[]> {
  const { body } = await server.api('GET', '/api/v1/agent-profiles?pageSize=100');
  return (body as { data: StoredProfile[] }).data;
}

describe('agent profiles in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('lists the starters, creates a profile with a dimensions editor that keeps the weight total, edits and deletes it', async () => {
    const { page, server } = t();
    await signIn(page, server.owner);
    await page.getByRole('link', { name: 'Agent Profiles' }).click();
    await page.getByRole('heading', { name: 'Agent Profiles', level: 1 }).waitFor();
    for (const name of ['Software Engineer Interviewer', 'Sales Representative Interviewer', 'Customer Support Interviewer', 'Student Practice Coach']) {
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    expect(await page.getByRole('row', { name: /Software Engineer Interviewer/ }).textContent()).toContain('Starter');
    await capture(page, 'agent-profiles-list');

    await page.getByRole('link', { name: 'New agent profile' }).first().click();
    await page.waitForURL('**/a/acme/agent-profiles/new');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Data Engineer Interviewer');
    await page.getByRole('textbox', { name: /^Persona/ }).fill("Hi, I'm Dana. I build data pipelines.");
    await page.getByRole('combobox', { name: 'Tone' }).selectOption({ label: 'Challenging' });
    await page.getByRole('combobox', { name: /Probing depth/ }).selectOption('high');

    const status = page.getByRole('status').filter({ hasText: 'Total weight' });
    await status.getByText('100').waitFor();
    await page.getByRole('spinbutton', { name: 'Weight' }).first().fill('60');
    await page.getByRole('textbox', { name: 'Dimension' }).first().fill('SQL');
    await page.getByRole('button', { name: 'Add dimension' }).click();
    await page.getByRole('textbox', { name: 'Dimension' }).nth(1).fill('Modelling');
    await page.getByRole('spinbutton', { name: 'Weight' }).nth(1).fill('30');
    expect(await status.textContent()).toContain('Total weight: 90 of 100 (10 to go)');

    // A total other than 100 is caught before it is sent.
    await page.getByRole('button', { name: 'Create agent profile' }).click();
    await page.getByText('The weights add up to 90; they must add up to 100.').waitFor();
    expect((await profiles(server)).some((p) => p.name === 'Data Engineer Interviewer')).toBe(false);

    await page.getByRole('button', { name: 'Add dimension' }).click();
    await page.getByRole('textbox', { name: 'Dimension' }).nth(2).fill('Communication');
    await page.getByRole('spinbutton', { name: 'Weight' }).nth(2).fill('10');
    await page.getByRole('spinbutton', { name: /Minimum score/ }).nth(0).fill('5');
    await page.getByRole('textbox', { name: /What a good answer shows/ }).nth(0).fill('Writes correct, fast queries.');
    expect(await status.textContent()).toContain('Total weight: 100 of 100');
    await capture(page, 'agent-profile-new');
    await page.getByRole('button', { name: 'Create agent profile' }).click();
    await page.waitForURL(/\/a\/acme\/agent-profiles\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Data Engineer Interviewer', level: 1 }).waitFor();

    let created = (await profiles(server)).find((p) => p.name === 'Data Engineer Interviewer');
    expect(created).toMatchObject({
      persona: "Hi, I'm Dana. I build data pipelines.",
      useCase: 'hiring',
      starter: false,
      interaction: { tone: 'challenging', style: 'structured', probingDepth: 'high' },
      evaluationDimensions: [
        { name: 'SQL', description: 'Writes correct, fast queries.', weight: 60, threshold: 5 },
        { name: 'Modelling', description: '', weight: 30, threshold: null },
        { name: 'Communication', description: '', weight: 10, threshold: null },
      ],
    });

    // Edit: remove a dimension and split the weights evenly.
    await page.getByRole('button', { name: 'Remove Communication' }).click();
    await page.getByRole('button', { name: 'Split weights evenly' }).click();
    expect(await status.textContent()).toContain('Total weight: 100 of 100');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved').waitFor();
    created = (await profiles(server)).find((p) => p.name === 'Data Engineer Interviewer');
    expect(created?.evaluationDimensions.map((d) => [d.name, d.weight])).toEqual([
      ['SQL', 50],
      ['Modelling', 50],
    ]);

    await page.getByRole('button', { name: 'Delete agent profile' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this agent profile?' }).getByRole('button', { name: 'Delete agent profile' }).click();
    await page.waitForURL('**/a/acme/agent-profiles');
    expect((await profiles(server)).some((p) => p.name === 'Data Engineer Interviewer')).toBe(false);
  });

  it('gives a template a default agent profile and a stage its profile, pass threshold and automation rule', async () => {
    const { page, server } = t();
    const all = await profiles(server);
    const sales = all.find((p) => p.name === 'Sales Representative Interviewer');
    const support = all.find((p) => p.name === 'Customer Support Interviewer');
    const created = await server.api('POST', '/api/v1/evaluation-templates', {
      template_name: 'Account Executive',
      stages: [
        { type: 'screen', stage_name: 'Screen' },
        { type: 'role-play', stage_name: 'Role play' },
      ],
    });
    const id = (created.body as { data: { id: string } }).data.id;
    await signIn(page, server.owner, `/a/acme/templates/${id}`);
    await page.getByRole('heading', { name: /Account Executive/, level: 1 }).waitFor();
    expect(await page.getByRole('list', { name: 'Stages' }).textContent()).toContain('Interviewer: Built-in interviewer');

    await page.getByRole('combobox', { name: /Default agent profile/ }).selectOption({ label: 'Sales Representative Interviewer' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved').waitFor();
    await page.getByRole('list', { name: 'Stages' }).getByText('Interviewer: Sales Representative Interviewer (template default)').first().waitFor();

    await page.getByRole('button', { name: 'Edit Role play' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stage settings: Role play' });
    await dialog.getByRole('combobox', { name: 'Agent profile' }).selectOption({ label: 'Customer Support Interviewer' });
    await dialog.getByRole('spinbutton', { name: /Pass threshold/ }).fill('11');
    await dialog.getByRole('button', { name: 'Save stage' }).click();
    await dialog.getByText('A score from 0 to 10.').waitFor();
    await dialog.getByRole('spinbutton', { name: /Pass threshold/ }).fill('6.5');
    await dialog.getByRole('combobox', { name: 'When a session passes' }).selectOption('auto_advance');
    await capture(page, 'stage-settings');
    await dialog.getByRole('button', { name: 'Save stage' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const stages = page.getByRole('list', { name: 'Stages' });
    await stages.getByText('Interviewer: Customer Support Interviewer', { exact: true }).waitFor();
    expect(await stages.textContent()).toContain('Pass at 6.5');
    expect(await stages.textContent()).toContain('Advance automatically when passed');

    const { body } = await server.api('GET', `/api/v1/evaluation-templates/${id}`);
    const template = (body as { data: { agent_profile_id: string; stages: { type: string; agent_profile_id: string | null; pass_threshold: number; automation_rule: string; duration_minutes: number }[] } }).data;
    expect(template.agent_profile_id).toBe(sales?.id);
    expect(template.stages.map((s) => [s.type, s.agent_profile_id, s.pass_threshold, s.automation_rule, s.duration_minutes])).toEqual([
      ['screen', null, 7, 'none', 30],
      ['role-play', support?.id, 6.5, 'auto_advance', 30],
    ]);
    // The untouched duration still follows the template's default.
    await server.api('PATCH', `/api/v1/evaluation-templates/${id}`, { default_duration_minutes: 45 });
    const after = await server.api('GET', `/api/v1/evaluation-templates/${id}`);
    expect((after.body as { data: { stages: { duration_minutes: number }[] } }).data.stages.map((s) => s.duration_minutes)).toEqual([45, 45]);

    // A profile in use cannot be deleted: the page says why.
    await page.goto(`/a/acme/agent-profiles/${support?.id ?? ''}`);
    await page.getByRole('button', { name: 'Delete agent profile' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this agent profile?' });
    await confirm.getByRole('button', { name: 'Delete agent profile' }).click();
    await confirm.getByText(/used by an evaluation template or stage/).waitFor();
  });
});
