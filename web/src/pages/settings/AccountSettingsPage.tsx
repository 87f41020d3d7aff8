import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { expectOk, issuesByPath } from '../../api/client';
import { useSignedInUser } from '../../auth/session';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/Toasts';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import { fieldMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

interface PasswordForm {
  current: string;
  next: string;
  repeat: string;
}

const EMPTY: PasswordForm = { current: '', next: '', repeat: '' };
const MIN_LENGTH = 8;

/** Your account: who you are signed in as, and your password. */
export function AccountSettingsPage() {
  useDocumentTitle('Your account');
  const api = useApi();
  const me = useSignedInUser();
  const toast = useToast();
  const [form, setForm] = useState<PasswordForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof PasswordForm, string>>>({});
  const { prompt } = useUnsavedChanges(form.current !== '' || form.next !== '' || form.repeat !== '');

  const change = useMutation({
    mutationFn: () => expectOk(api.POST('/api/auth/password', { body: { current_password: form.current, new_password: form.next } })),
    onSuccess: () => {
      setForm(EMPTY);
      toast.success('Password changed. Your other sessions were signed out.');
    },
    onError: (error) => {
      const issues = issuesByPath(error);
      setErrors({
        ...(issues['current_password'] !== undefined ? { current: fieldMessage('Current password', issues['current_password']) } : {}),
        ...(issues['new_password'] !== undefined ? { next: fieldMessage('New password', issues['new_password']) } : {}),
      });
    },
  });

  const set = (key: keyof PasswordForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<keyof PasswordForm, string>> = {};
    if (form.current === '') found.current = 'Enter your current password.';
    if (form.next.length < MIN_LENGTH) found.next = `Use at least ${MIN_LENGTH} characters.`;
    else if (form.next === form.current) found.next = 'Choose a password different from the current one.';
    if (form.repeat !== form.next) found.repeat = 'The two new passwords differ.';
    setErrors(found);
    const first = (['current', 'next', 'repeat'] as const).find((k) => found[k] !== undefined);
    if (first !== undefined) return document.getElementById(`password-${first}`)?.focus();
    change.mutate();
  };

  const fieldProblem = Object.values(errors).some((e) => e !== undefined);

  return (
    <div className="page page-narrow">
      <PageHeader title="Your account" description="Signed in as you, in every team you belong to." />
      <section className="card" aria-labelledby="profile-heading">
        <div className="card-header">
          <h2 id="profile-heading">Profile</h2>
        </div>
        <div className="card-body">
          <dl className="dl">
            <dt>Name</dt>
            <dd>{me.user.name}</dd>
            <dt>Email</dt>
            <dd>{me.user.email}</dd>
          </dl>
        </div>
      </section>
      <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
        <div className="card-header">
          <div>
            <h2 id="password-heading">Change password</h2>
            <p>Your other sessions (other browsers and devices) are signed out; this one stays.</p>
          </div>
        </div>
        <div className="card-body form">
          {change.error !== null && !fieldProblem ? <ErrorNotice error={change.error} title="The password was not changed" /> : null}
          <TextField
            id="password-current"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            value={form.current}
            error={errors.current}
            onChange={(e) => set('current', e.target.value)}
          />
          <TextField
            id="password-next"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`At least ${MIN_LENGTH} characters.`}
            value={form.next}
            error={errors.next}
            onChange={(e) => set('next', e.target.value)}
          />
          <TextField
            id="password-repeat"
            label="New password again"
            type="password"
            autoComplete="new-password"
            required
            value={form.repeat}
            error={errors.repeat}
            onChange={(e) => set('repeat', e.target.value)}
          />
        </div>
        <div className="card-footer" style={{ justifyContent: 'flex-end' }}>
          <Button type="submit" variant="primary" loading={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
      {prompt}
    </div>
  );
}
