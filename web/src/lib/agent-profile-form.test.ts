import { describe, expect, it } from 'vitest';
import {
  emptyAgentProfileForm,
  errorsFromIssues,
  evenWeights,
  newDimension,
  toAgentProfileBody,
  validateAgentProfileForm,
  weightTotal,
} from './agent-profile-form';

describe('agent profile form', () => {
  const named = () => ({ ...emptyAgentProfileForm(), name: 'Support interviewer' });

  it('keeps a running weight total that ignores weights which are not whole numbers', () => {
    expect(weightTotal([newDimension({ weight: '60' }), newDimension({ weight: '25' }), newDimension({ weight: 'x' }), newDimension({ weight: '2.5' })])).toBe(85);
  });

  it('requires names, whole weights, unique names and a total of 100', () => {
    expect(validateAgentProfileForm(emptyAgentProfileForm())).toEqual({ name: 'Enter a name.', rows: { 0: { name: 'Enter a name.' } } });
    const form = { ...named(), dimensions: [newDimension({ name: 'Empathy', weight: '60' }), newDimension({ name: 'empathy ', weight: '30' })] };
    expect(validateAgentProfileForm(form)).toEqual({ rows: { 1: { name: 'Each dimension needs its own name.' } } });
    const short = { ...named(), dimensions: [newDimension({ name: 'Empathy', weight: '60' }), newDimension({ name: 'Speed', weight: '30' })] };
    expect(validateAgentProfileForm(short)).toEqual({ dimensions: 'The weights add up to 90; they must add up to 100.' });
    const bad = { ...named(), dimensions: [newDimension({ name: 'A', weight: '0', threshold: '11' })] };
    expect(validateAgentProfileForm(bad).rows).toEqual({ 0: { weight: 'A whole number from 1 to 100.', threshold: 'From 0 to 10, or empty.' } });
    expect(validateAgentProfileForm({ ...named(), dimensions: [] }).dimensions).toBe('Add at least one dimension.');
  });

  it('evens out weights to exactly 100', () => {
    const three = evenWeights([newDimension(), newDimension(), newDimension()]);
    expect(three.map((d) => d.weight)).toEqual(['34', '33', '33']);
    expect(weightTotal(three)).toBe(100);
  });

  it('builds the API body with camelCase fields, null for empty texts and thresholds', () => {
    const form = {
      ...named(),
      persona: '  Hi!  ',
      dimensions: [newDimension({ name: ' Empathy ', description: 'Listens.', weight: '70', threshold: '5.5' }), newDimension({ name: 'Speed', weight: '30' })],
    };
    expect(toAgentProfileBody(form)).toEqual({
      name: 'Support interviewer',
      persona: 'Hi!',
      useCase: 'hiring',
      interaction: { tone: 'professional', style: 'structured', probingDepth: 'medium' },
      additionalInstructions: null,
      evaluationDimensions: [
        { name: 'Empathy', description: 'Listens.', weight: 70, threshold: 5.5 },
        { name: 'Speed', description: '', weight: 30, threshold: null },
      ],
    });
  });

  it("places the API's issues on the rows and fields they name", () => {
    expect(errorsFromIssues({ 'evaluationDimensions.1.name': 'must be unique', evaluationDimensions: 'weights must sum to 100', name: 'is required' })).toEqual({
      rows: { 1: { name: 'must be unique' } },
      dimensions: 'weights must sum to 100',
      name: 'is required',
    });
  });
});
