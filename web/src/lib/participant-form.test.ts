import { describe, expect, it } from 'vitest';
import {
  EMPTY_PARTICIPANT_FORM,
  formErrorsFromIssues,
  toParticipantCreateBody,
  toParticipantPatchBody,
  validateParticipantForm,
} from './participant-form';

describe('participant form', () => {
  it('requires a name and a valid email', () => {
    expect(validateParticipantForm(EMPTY_PARTICIPANT_FORM)).toEqual({
      name: expect.stringMatching(/name/i),
      email: expect.stringMatching(/email/i),
    });
    expect(validateParticipantForm({ ...EMPTY_PARTICIPANT_FORM, name: 'Jane', email: 'jane@' }).email).toMatch(/valid/);
    expect(validateParticipantForm({ ...EMPTY_PARTICIPANT_FORM, name: 'Jane', email: 'jane@example.com' })).toEqual({});
  });

  it('accepts only http(s) resume links', () => {
    const base = { ...EMPTY_PARTICIPANT_FORM, name: 'Jane', email: 'jane@example.com' };
    expect(validateParticipantForm({ ...base, resume_url: 'ftp://x/cv.pdf' }).resume_url).toBeDefined();
    expect(validateParticipantForm({ ...base, resume_url: 'https://files.example.com/cv.pdf' }).resume_url).toBeUndefined();
  });

  it('creates with only the fields that were filled, profile grouped', () => {
    const body = toParticipantCreateBody({
      ...EMPTY_PARTICIPANT_FORM,
      name: ' Jane Smith ',
      email: 'jane@example.com',
      evaluation_template_id: 'ce1cd564-8f3a-4b6e-9c21-5d7e0a2b4f68',
      external_id: 'greenhouse-8821',
      tags: ['senior', 'backend'],
      title: 'Software Engineer',
      experienceLevel: 'senior',
    });
    expect(body).toEqual({
      name: 'Jane Smith',
      email: 'jane@example.com',
      evaluation_template_id: 'ce1cd564-8f3a-4b6e-9c21-5d7e0a2b4f68',
      external_id: 'greenhouse-8821',
      tags: ['senior', 'backend'],
      profile: { title: 'Software Engineer', experienceLevel: 'senior' },
    });
  });

  it('updates every field, clearing emptied ones with null', () => {
    const body = toParticipantPatchBody({ ...EMPTY_PARTICIPANT_FORM, name: 'Jane', email: 'jane@example.com' });
    expect(body).toEqual({
      name: 'Jane',
      email: 'jane@example.com',
      evaluation_template_id: null,
      external_id: null,
      phone: null,
      tags: [],
      profile: null,
      resume_url: null,
    });
  });

  it('puts API issues on the matching fields', () => {
    expect(formErrorsFromIssues({ email: 'must be a valid email', 'profile.title': 'is too long', unknown: 'x' })).toEqual({
      email: 'Must be a valid email.',
      title: 'Is too long.',
    });
  });
});
