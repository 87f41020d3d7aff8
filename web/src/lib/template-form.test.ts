import { describe, expect, it } from 'vitest';
import {
  EMPTY_TEMPLATE_FORM,
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
});
