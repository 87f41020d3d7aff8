import { useState } from 'react';
import { ApiError, issuesByPath } from '../../api/client';
import {
  formErrorsFromIssues,
  validateParticipantForm,
  type ParticipantForm,
  type ParticipantFormErrors,
} from '../../lib/participant-form';

const FIELD_ORDER: (keyof ParticipantForm)[] = [
  'name',
  'email',
  'evaluation_template_id',
  'external_id',
  'phone',
  'tags',
  'title',
  'organization',
  'experienceLevel',
  'location',
  'resume_url',
];

/** Form state with errors at the fields: checked before sending, and the API's issues after. */
export function useParticipantForm(initial: ParticipantForm, idPrefix: string) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<ParticipantFormErrors>({});

  const focusFirst = (found: ParticipantFormErrors) => {
    const first = FIELD_ORDER.find((k) => found[k] !== undefined);
    if (first !== undefined) window.setTimeout(() => document.getElementById(`${idPrefix}-${first}`)?.focus(), 0);
  };

  const change = <K extends keyof ParticipantForm>(key: K, value: ParticipantForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key] !== undefined) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  /** True when the form may be sent. */
  const check = (): boolean => {
    const found = validateParticipantForm(form);
    setErrors(found);
    focusFirst(found);
    return Object.keys(found).length === 0;
  };

  /** Shows the API's answer at the fields; returns true when it was about fields. */
  const showServerError = (error: unknown): boolean => {
    if (error instanceof ApiError && error.code === 'participant_exists') {
      const found = { email: 'A participant with this email already exists for this template.' };
      setErrors(found);
      focusFirst(found);
      return false;
    }
    const found = formErrorsFromIssues(issuesByPath(error));
    setErrors(found);
    focusFirst(found);
    return Object.keys(found).length > 0;
  };

  return { form, setForm, errors, change, check, showServerError };
}
