import { describe, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  describe('evaluation templates', () => {
    it('creates with defaults and reads back', async () => {
      const created = await t().request('POST', '/api/v1/evaluation-templates', {
        body: { template_name: '  Backend Engineer  ' },
      });
      expect(created.statusCode).toBe(201);
      const template = created.body.data;
      expect(template).toMatchObject({
        template_name: 'Backend Engineer',
        use_case: 'hiring',
        success_outcome: 'hire_no_hire',
        status: 'active',
        default_duration_minutes: 30,
        default_difficulty: 'intermediate',
        skills: [],
      });
      expect(template.stages).toEqual([
        expect.objectContaining({ id: null, type: 'screen', implicit: true, stage_order: 1, duration_minutes: 30 }),
      ]);
      const read = await t().request('GET', `/api/v1/evaluation-templates/${template.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.body.data).toEqual(template);
    });
  });
});
