import type { Participant, ParticipantCreateBody, ParticipantPatchBody } from '../api/models';

export interface ParticipantForm {
  name: string;
  email: string;
  /** '' for no template. */
  evaluation_template_id: string;
  external_id: string;
  phone: string;
  tags: string[];
  title: string;
  organization: string;
  experienceLevel: string;
  location: string;
  resume_url: string;
}

export type ParticipantFormErrors = Partial<Record<keyof ParticipantForm, string>>;

export const EMPTY_PARTICIPANT_FORM: ParticipantForm = {
  name: '',
  email: '',
  evaluation_template_id: '',
  external_id: '',
  phone: '',
  tags: [],
  title: '',
  organization: '',
  experienceLevel: '',
  location: '',
  resume_url: '',
};

const PROFILE_KEYS = ['title', 'organization', 'experienceLevel', 'location'] as const;

// Close to what the API accepts; the API has the last word and its issues are shown per field.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function participantToForm(p: Participant): ParticipantForm {
  return {
    name: p.name,
    email: p.email,
    evaluation_template_id: p.evaluation_template_id ?? '',
    external_id: p.external_id ?? '',
    phone: p.phone ?? '',
    tags: p.tags,
    title: p.profile?.title ?? '',
    organization: p.profile?.organization ?? '',
    experienceLevel: p.profile?.experienceLevel ?? '',
    location: p.profile?.location ?? '',
    resume_url: p.resume_url ?? '',
  };
}

export function validateParticipantForm(form: ParticipantForm): ParticipantFormErrors {
  const errors: ParticipantFormErrors = {};
  const name = form.name.trim();
  const email = form.email.trim();
  if (name === '') errors.name = 'Enter the participant’s name.';
  else if (name.length > 200) errors.name = 'Use at most 200 characters.';
  if (email === '') errors.email = 'Enter an email address: the interview invite is sent there.';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'Enter a valid email address, like jane@example.com.';
  if (form.external_id.trim().length > 255) errors.external_id = 'Use at most 255 characters.';
  if (form.phone.trim().length > 40) errors.phone = 'Use at most 40 characters.';
  const resume = form.resume_url.trim();
  if (resume !== '' && (!/^https?:\/\/[^\s/?#]+/i.test(resume) || resume.length > 2048)) {
    errors.resume_url = 'Enter an http:// or https:// link.';
  }
  for (const key of PROFILE_KEYS) {
    if (form[key].trim().length > 200) errors[key] = 'Use at most 200 characters.';
  }
  return errors;
}

function profileOf(form: ParticipantForm): Record<string, string> | null {
  const profile: Record<string, string> = {};
  for (const key of PROFILE_KEYS) {
    const value = form[key].trim();
    if (value !== '') profile[key] = value;
  }
  return Object.keys(profile).length === 0 ? null : profile;
}

/** The create body: empty optional fields are left out. */
export function toParticipantCreateBody(form: ParticipantForm): ParticipantCreateBody {
  const body: ParticipantCreateBody = { name: form.name.trim(), email: form.email.trim() };
  if (form.evaluation_template_id !== '') body.evaluation_template_id = form.evaluation_template_id;
  if (form.external_id.trim() !== '') body.external_id = form.external_id.trim();
  if (form.phone.trim() !== '') body.phone = form.phone.trim();
  if (form.tags.length > 0) body.tags = form.tags;
  const profile = profileOf(form);
  if (profile !== null) body.profile = profile;
  if (form.resume_url.trim() !== '') body.resume_url = form.resume_url.trim();
  return body;
}

/** The update body: every field of the form, `null` clearing what was emptied. */
export function toParticipantPatchBody(form: ParticipantForm): ParticipantPatchBody {
  const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
  return {
    name: form.name.trim(),
    email: form.email.trim(),
    evaluation_template_id: form.evaluation_template_id === '' ? null : form.evaluation_template_id,
    external_id: orNull(form.external_id),
    phone: orNull(form.phone),
    tags: form.tags,
    profile: profileOf(form),
    resume_url: orNull(form.resume_url),
  };
}

/** API issue paths (`profile.title`, `tags.2`) onto the form's fields. */
export function formErrorsFromIssues(byPath: Record<string, string>): ParticipantFormErrors {
  const errors: ParticipantFormErrors = {};
  for (const [path, message] of Object.entries(byPath)) {
    const [head, sub] = path.split('.');
    const key = head === 'profile' && sub !== undefined ? sub : head;
    if (key !== undefined && key in EMPTY_PARTICIPANT_FORM && errors[key as keyof ParticipantForm] === undefined) {
      errors[key as keyof ParticipantForm] = capitalise(message);
    }
  }
  return errors;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
