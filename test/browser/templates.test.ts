import { describe, expect, it } from 'vitest';
import { BROWSER_TEST_TIMEOUT_MS, capture, signIn, useBrowserTest, type DashboardServer } from './harness.js';

interface StoredTemplate {
  id: string;
  template_name: string;
  use_case: string;
  objective: string | null;
  requirements: string | null;
  skills: string[];
  status: string;
  default_duration_minutes: number;
  default_difficulty: string;
  stages: { type: string; stage_name: string; stage_order: number; duration_minutes: number; implicit: boolean }[];
}

async function templates(server: DashboardServer): Promise<StoredTemplate[]> {
  const { body } = await server.api('GET', '/api/v1/evaluation-templates?pageSize=100');
  return (body as { data: StoredTemplate[] }).data;
}

describe('evaluation templates in the dashboard', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const t = useBrowserTest();

  it('creates a template with its fields and ordered stages', async () => {
    const { page, server } = t();
    await signIn(page, server.owner);
    await page.getByRole('link', { name: 'Evaluation Templates' }).click();
    await page.getByText('No evaluation templates yet').waitFor();
    await page.getByRole('link', { name: 'New template' }).first().click();
    await page.waitForURL('**/a/acme/templates/new');

    // Required name: an error at the field.
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.getByText('Enter a name.').waitFor();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Account Executive');
    await page.getByRole('combobox', { name: 'Use case' }).selectOption({ label: 'Training' });
    await page.getByRole('textbox', { name: /^Objective/ }).fill('Check that new hires can run a discovery call.');
    const skills = page.getByRole('textbox', { name: /^Skills/ });
    await skills.fill('Discovery');
    await skills.press('Enter');
    await skills.fill('Negotiation');
    await skills.press('Enter');
    await page.getByRole('textbox', { name: /^Requirements/ }).fill('Six months in sales.');
    await page.getByRole('spinbutton', { name: /Default duration/ }).fill('45');
    await page.getByRole('combobox', { name: 'Default difficulty' }).selectOption({ label: 'Advanced' });

    const addStage = async (name: string, minutes?: string) => {
      await page.getByRole('textbox', { name: 'Stage name' }).fill(name);
      if (minutes !== undefined) await page.getByRole('spinbutton', { name: 'Minutes', exact: true }).fill(minutes);
      await page.getByRole('button', { name: 'Add stage' }).click();
      await page.getByRole('list', { name: 'Stages' }).getByText(name, { exact: true }).waitFor();
    };
    await addStage('Phone screen', '15');
    await addStage('Role play');
    await addStage('Final interview', '60');
    // The type follows the name unless edited.
    expect(await page.getByRole('list', { name: 'Stages' }).textContent()).toContain('phone-screen');

    // Reorder and remove before saving.
    await page.getByRole('button', { name: 'Move Final interview up' }).click();
    await page.getByRole('button', { name: 'Remove Phone screen' }).click();
    const order = await page.getByRole('list', { name: 'Stages' }).locator('strong').allTextContents();
    expect(order).toEqual(['Final interview', 'Role play']);
    await page.getByRole('button', { name: 'Move Final interview down' }).click();
    await addStage('Phone screen', '15');
    await page.getByRole('button', { name: 'Move Phone screen up' }).click();
    await page.getByRole('button', { name: 'Move Phone screen up' }).click();
    await capture(page, 'template-new');

    await page.getByRole('button', { name: 'Create template' }).click();
    await page.waitForURL(/\/a\/acme\/templates\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Account Executive/, level: 1 }).waitFor();

    const [stored] = await templates(server);
    expect(stored).toMatchObject({
      template_name: 'Account Executive',
      use_case: 'training',
      objective: 'Check that new hires can run a discovery call.',
      requirements: 'Six months in sales.',
      skills: ['Discovery', 'Negotiation'],
      default_duration_minutes: 45,
      default_difficulty: 'advanced',
    });
    expect(stored?.stages.map((s) => [s.stage_order, s.type, s.stage_name, s.duration_minutes])).toEqual([
      [1, 'phone-screen', 'Phone screen', 15],
      [2, 'role-play', 'Role play', 45],
      [3, 'final-interview', 'Final interview', 60],
    ]);

    await page.getByRole('link', { name: 'Evaluation Templates', exact: true }).first().click();
    const row = page.getByRole('row', { name: /Account Executive/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Phone screen → Role play → Final interview');
    await capture(page, 'templates-list');
  });

  it('edits a template, manages its stored stages, and archives it', async () => {
    const { page, server } = t();
    const created = await server.api('POST', '/api/v1/evaluation-templates', {
      template_name: 'Backend Engineer',
      stages: [
        { type: 'screen', stage_name: 'Screen' },
        { type: 'technical', stage_name: 'Technical' },
      ],
    });
    const id = (created.body as { data: { id: string } }).data.id;
    await signIn(page, server.owner, `/a/acme/templates/${id}`);
    await page.getByRole('heading', { name: /Backend Engineer/, level: 1 }).waitFor();
    await capture(page, 'template-edit');

    // Stages change at once on a stored template.
    await page.getByRole('textbox', { name: 'Stage name' }).fill('System design');
    await page.getByRole('textbox', { name: 'Stage type' }).fill('design');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByRole('list', { name: 'Stages' }).getByText('System design').waitFor();
    await page.getByRole('button', { name: 'Move System design up' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-label="Stages"] li:nth-child(2) strong')?.textContent === 'System design');
    let [stored] = await templates(server);
    expect(stored?.stages.map((s) => s.type)).toEqual(['screen', 'design', 'technical']);

    await page.getByRole('button', { name: 'Remove Screen' }).click();
    await page.getByRole('alertdialog', { name: 'Remove this stage?' }).getByRole('button', { name: 'Remove stage' }).click();
    await page.getByRole('button', { name: 'Remove Screen' }).waitFor({ state: 'detached' });
    [stored] = await templates(server);
    expect(stored?.stages.map((s) => [s.stage_order, s.type])).toEqual([
      [1, 'design'],
      [2, 'technical'],
    ]);

    // A duplicate stage type is caught before it is sent.
    await page.getByRole('textbox', { name: 'Stage name' }).fill('Technical again');
    await page.getByRole('textbox', { name: 'Stage type' }).fill('technical');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByText('This template already has a "technical" stage.').waitFor();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Senior Backend Engineer');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved').waitFor();
    [stored] = await templates(server);
    expect(stored?.template_name).toBe('Senior Backend Engineer');

    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByText('This template is archived').waitFor();
    [stored] = await templates(server);
    expect(stored?.status).toBe('archived');
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Archive' }).waitFor();

    // Deleting asks first.
    await page.getByRole('button', { name: 'Delete template' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this template?' }).getByRole('button', { name: 'Delete template' }).click();
    await page.waitForURL('**/a/acme/templates');
    await page.getByText('No evaluation templates yet').waitFor();
    expect(await templates(server)).toEqual([]);
  });

  it('filters the list by status and name', async () => {
    const { page, server } = t();
    await server.api('POST', '/api/v1/evaluation-templates', { template_name: 'Backend Engineer' });
    await server.api('POST', '/api/v1/evaluation-templates', { template_name: 'Data Analyst', status: 'draft' });
    await server.api('POST', '/api/v1/evaluation-templates', { template_name: 'Old Program', status: 'archived' });
    await signIn(page, server.owner, '/a/acme/templates');
    const rows = page.locator('tbody tr');
    await page.getByRole('row', { name: /Old Program/ }).waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('draft');
    await page.waitForURL(/status=draft/);
    await page.getByRole('row', { name: /Backend Engineer/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('');
    await page.getByRole('searchbox', { name: 'Search' }).fill('backend');
    await page.waitForURL(/q=backend/);
    await page.getByRole('row', { name: /Old Program/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Backend Engineer');
  });
});
