import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { issuesByPath, unwrap } from '../../api/client';
import { useAccount } from '../../auth/AccountContext';
import { ME_KEY } from '../../auth/session';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/Toasts';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import { fieldMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

/** Settings → Team: the team's name (owners and admins change it); its slug stays. */
export function TeamSettingsPage() {
  useDocumentTitle('Team');
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(account.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const dirty = name.trim() !== account.name;
  const { prompt } = useUnsavedChanges(dirty);

  const rename = useMutation({
    mutationFn: async () =>
      (await unwrap(api.PATCH('/api/v1/account', { params: { query: { accountSlug: account.slug } }, body: { name: name.trim() } }))).data,
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      setName(saved.name);
      toast.success(`The team is now called “${saved.name}”`);
    },
    onError: (failure) => {
      const found = issuesByPath(failure)['name'];
      setError(found === undefined ? undefined : fieldMessage('Name', found));
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError('Enter a name for the team.');
    if (name.trim().length > 200) return setError('Use at most 200 characters.');
    rename.mutate();
  };

  return (
    <div className="page page-narrow">
      <PageHeader title="Team" description="How this team is named in the dashboard." />
      {!account.canManage ? <Notice tone="info">Only owners and admins rename the team.</Notice> : null}
      <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="team-heading">
        <div className="card-header">
          <h2 id="team-heading">Team name</h2>
        </div>
        <fieldset className="card-body form" disabled={!account.canManage}>
          {rename.error !== null && error === undefined ? <ErrorNotice error={rename.error} title="The name was not changed" /> : null}
          <TextField
            label="Name"
            required
            maxLength={200}
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
          />
          <TextField label="Slug" readOnly value={account.slug} hint="Part of every link to this team and of API calls (accountSlug); it does not change." />
        </fieldset>
        {account.canManage ? (
          <div className="card-footer" style={{ justifyContent: 'flex-end' }}>
            <Button type="submit" variant="primary" loading={rename.isPending} disabled={!dirty}>
              Save name
            </Button>
          </div>
        ) : null}
      </form>
      {prompt}
    </div>
  );
}
