import { describe, expect, it } from 'vitest';
import {
  EMPTY_TEMPLATE_FORM,
  applyStageSettings,
  stageToSettingsForm,
  validateStageSettings,
  moveItem,
  stageTypeFromName,
  toTemplateCreateBody,
  toTemplatePatchBody,
  validateStageDraft,
  validateTemplateForm,
} from './template-form';

describe('template form', () => {
  it('requires a name and a duration of 5–240 minutes', () => {
    expect(validateTemplateForm(EMPTY_TEMPLATE_FORM)).toEqual({ template_name: 'Enter a name.' });
    const named = { ...EMPTY_TEMPLATE_FORM, template_name: 'Backend Engineer' };
    expect(validateTemplateForm({ ...named, default_duration_minutes: '4' }).default_duration_minutes).toBeDefined();
    expect(validateTemplateForm({ ...named, default_duration_minutes: '45.5' }).default_duration_minutes).toBeDefined();
    expect(validateTemplateForm({ ...named, default_duration_minutes: '240' })).toEqual({});
  });

  it('creates with stages in order and leaves empty texts out', () => {
    const body = toTemplateCreateBody({ ...EMPTY_TEMPLATE_FORM, template_name: ' Backend ', objective: '  ' }, [
      { type: 'screen', stage_name: 'Screen', duration_minutes: null },
      { type: 'technical', stage_name: 'Technical', duration_minutes: 60 },
    ]);
    expect(body).not.toHaveProperty('objective');
    expect(body.template_name).toBe('Backend');
    expect(body.stages).toEqual([
      { type: 'screen', stage_name: 'Screen' },
      { type: 'technical', stage_name: 'Technical', duration_minutes: 60 },
    ]);
  });

  it('updates with null for emptied texts', () => {
    expect(toTemplatePatchBody({ ...EMPTY_TEMPLATE_FORM, template_name: 'x' })).toMatchObject({ objective: null, level: null });
  });
});

describe('stages', () => {
  it('derives a stage type from its name', () => {
    expect(stageTypeFromName('Technical interview')).toBe('technical-interview');
    expect(stageTypeFromName('  Café — Final!  ')).toBe('cafe-final');
  });

  it('refuses a type the template already has, or one the API would reject', () => {
    const existing = [{ type: 'screen', stage_name: 'Screen', duration_minutes: null }];
    expect(validateStageDraft({ type: 'screen', stage_name: 'Again', duration_minutes: null }, existing).type).toMatch(/already/);
    expect(validateStageDraft({ type: 'Not OK', stage_name: 'X', duration_minutes: null }, existing).type).toBeDefined();
    expect(validateStageDraft({ type: 'final', stage_name: 'Final', duration_minutes: 300 }, existing).duration_minutes).toBeDefined();
    expect(validateStageDraft({ type: 'final', stage_name: 'Final', duration_minutes: 60 }, existing)).toEqual({});
  });

  it('moves an item up or down, staying within the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });

  it('edits a stage’s interviewer settings: profile, pass threshold, automation, duration', () => {
    const stage = { id: 's1', type: 'screen', stage_name: 'Screen', duration_minutes: null, agent_profile_id: null, pass_threshold: 7, automation_rule: 'none' as const };
    const form = stageToSettingsForm(stage);
    expect(form).toEqual({ stage_name: 'Screen', duration_minutes: '', agent_profile_id: '', pass_threshold: '7', automation_rule: 'none' });
    expect(validateStageSettings({ ...form, pass_threshold: '10.5' })).toEqual({ pass_threshold: 'A score from 0 to 10.' });
    expect(validateStageSettings({ ...form, pass_threshold: '' })).toEqual({ pass_threshold: 'A score from 0 to 10.' });
    expect(validateStageSettings({ ...form, duration_minutes: '3' }).duration_minutes).toBeDefined();
    expect(validateStageSettings(form)).toEqual({});
    expect(applyStageSettings(stage, { ...form, agent_profile_id: 'p9', pass_threshold: '6.555', automation_rule: 'auto_advance', duration_minutes: '45' })).toEqual({
      ...stage,
      agent_profile_id: 'p9',
      pass_threshold: 6.56,
      automation_rule: 'auto_advance',
      duration_minutes: 45,
    });
  });

  it('sends the default agent profile and each draft stage’s settings with a new template', () => {
    const body = toTemplateCreateBody({ ...EMPTY_TEMPLATE_FORM, template_name: 'T', agent_profile_id: 'p1' }, [
      { type: 'screen', stage_name: 'Screen', duration_minutes: null, agent_profile_id: 'p2', pass_threshold: 6.5, automation_rule: 'auto_advance' },
      { type: 'final', stage_name: 'Final', duration_minutes: 60 },
    ]);
    expect(body.agent_profile_id).toBe('p1');
    expect(body.stages).toEqual([
      { type: 'screen', stage_name: 'Screen', agent_profile_id: 'p2', pass_threshold: 6.5, automation_rule: 'auto_advance' },
      { type: 'final', stage_name: 'Final', duration_minutes: 60 },
    ]);
    expect(toTemplatePatchBody({ ...EMPTY_TEMPLATE_FORM, template_name: 'T' }).agent_profile_id).toBeNull();
  });
});
