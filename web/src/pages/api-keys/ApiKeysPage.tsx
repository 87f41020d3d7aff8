import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { issuesByPath, unwrap } from '../../api/client';
import type { ApiKey, CreatedApiKey, Scope } from '../../api/models';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';
import { ConfirmDialog, Dialog, FormDialog } from '../../components/Dialog';
import { EmptyState, SkeletonRows } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { KeyIcon, PlusIcon, ShieldIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useToast } from '../../components/Toasts';
import { formatDate, formatRelative, plural } from '../../lib/format';
import { SCOPE_LABELS, keysOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const ALL_SCOPES = keysOf(SCOPE_LABELS);
const PAGE_SIZE = 25;

export function ApiKeysPage() {
  useDocumentTitle('API Keys');
  const account = useAccount();
  return (
    <div className="page">
      <PageHeader
        title="API Keys"
        description={
          <>
            Keys authenticate your systems against the <code>/api/v1</code> API with the <code>x-api-key</code> header. Each key belongs to
            this team and carries only the scopes you give it.
          </>
        }
      />
      {account.canManage ? (
        <ApiKeysManager />
      ) : (
        <section className="card">
          <EmptyState icon={<ShieldIcon size={20} />} title="Only owners and admins manage API keys">
            Ask an owner or admin of {account.name} to create a key for you.
          </EmptyState>
        </section>
      )}
    </div>
  );
}

function ApiKeysManager() {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const listKey = [account.slug, 'api-keys', page] as const;

  const list = useQuery({
    queryKey: listKey,
    queryFn: () => unwrap(api.GET('/api/v1/api-keys', { params: { query: { accountSlug: account.slug, page, pageSize: PAGE_SIZE } } })),
  });

  const revoke = useMutation({
    mutationFn: async (key: ApiKey) =>
      (await unwrap(api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id: key.id }, query: { accountSlug: account.slug } } }))).data,
    onSuccess: async (key) => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: [account.slug, 'api-keys'] });
      toast.success(`Key “${key.name}” revoked`);
    },
  });

  const total = list.data?.meta.total ?? 0;
  const totalPages = list.data?.meta.totalPages ?? 1;

  return (
    <>
      <section className="card" aria-labelledby="keys-heading">
        <div className="card-header">
          <div>
            <h2 id="keys-heading">Keys</h2>
            <p>Revoked keys stay listed for the record.</p>
          </div>
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
            Create API key
          </Button>
        </div>
        {list.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.error} title="API keys could not be loaded" onRetry={() => void list.refetch()} />
          </div>
        ) : list.data !== undefined && list.data.data.length === 0 ? (
          <EmptyState
            icon={<KeyIcon size={20} />}
            title="No API keys yet"
            actions={
              <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
                Create API key
              </Button>
            }
          >
            Create a key for each system that talks to Docket, so you can revoke one without breaking the others.
          </EmptyState>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table table-cards">
                <caption className="visually-hidden">API keys</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key</th>
                    <th scope="col">Scopes</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data === undefined ? (
                    <SkeletonRows columns={7} rows={3} />
                  ) : (
                    list.data.data.map((key) => (
                      <tr key={key.id} className={key.revoked_at !== null ? 'row-muted' : undefined}>
                        <td className="cell-title cell-primary">{key.name}</td>
                        <td data-label="Key">
                          <code>{key.prefix}…</code>
                        </td>
                        <td data-label="Scopes">
                          <ScopeSummary scopes={key.scopes} />
                        </td>
                        <td data-label="Created" className="cell-nowrap cell-muted">
                          {formatDate(key.created_at)}
                        </td>
                        <td data-label="Last used" className="cell-nowrap cell-muted">
                          {formatRelative(key.last_used_at)}
                        </td>
                        <td data-label="Status">
                          {key.revoked_at !== null ? (
                            <Badge tone="red">Revoked {formatDate(key.revoked_at)}</Badge>
                          ) : (
                            <Badge tone="green" dot>
                              Active
                            </Badge>
                          )}
                        </td>
                        <td className="cell-actions">
                          {key.revoked_at === null ? (
                            <Button size="sm" variant="danger-outline" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                              Revoke
                            </Button>
                          ) : null}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
            {totalPages > 1 ? (
              <Pager
                summary={`${plural(total, 'key')} · page ${page} of ${totalPages}`}
                hasPrevious={page > 1}
                hasNext={page < totalPages}
                onPrevious={() => setPage((p) => p - 1)}
                onNext={() => setPage((p) => p + 1)}
              />
            ) : null}
          </>
        )}
      </section>

      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this API key?"
        message={
          <>
            Requests made with <strong>{revoking?.name}</strong> (<code>{revoking?.prefix}…</code>) will be refused from the next request on.
            This cannot be undone.
          </>
        }
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        error={revoke.error !== null ? <ErrorNotice error={revoke.error} /> : undefined}
        onConfirm={() => {
          if (revoking !== null) revoke.mutate(revoking);
        }}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </>
  );
}

function ScopeSummary({ scopes }: { scopes: Scope[] }) {
  if (ALL_SCOPES.every((s) => scopes.includes(s))) return <Badge tone="brand">All scopes</Badge>;
  return (
    <span className="tags" title={scopes.map((s) => SCOPE_LABELS[s]).join(', ')}>
      {scopes.map((s) => (
        <Badge key={s} tone="outline">
          {s}
        </Badge>
      ))}
    </span>
  );
}

function CreateKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(ALL_SCOPES);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);

  const create = useMutation({
    mutationFn: async () =>
      (
        await unwrap(
          api.POST('/api/v1/api-keys', {
            params: { query: { accountSlug: account.slug } },
            body: { name: name.trim(), scopes },
          }),
        )
      ).data,
    onSuccess: async (key) => {
      setCreated(key);
      await queryClient.invalidateQueries({ queryKey: [account.slug, 'api-keys'] });
    },
    onError: (error) => setErrors(issuesByPath(error)),
  });

  const close = () => {
    onClose();
    // The secret leaves memory with the dialog.
    setCreated(null);
    setName('');
    setScopes(ALL_SCOPES);
    setErrors({});
    create.reset();
  };

  if (created !== null) {
    return (
      <Dialog
        open={open}
        title="Your new API key"
        description={`“${created.name}” was created.`}
        onClose={close}
        footer={
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        }
      >
        <div className="stack">
          {created.secret === undefined ? (
            // A replayed response (same Idempotency-Key) never carries the secret again.
            <Notice tone="warning" title="The secret cannot be shown again">
              This key was created by an earlier request, which showed its secret. If you do not have it, revoke the key and create another.
            </Notice>
          ) : (
            <>
              <Notice tone="warning" title="Copy this key now">
                This is the only time the full key is shown. Docket keeps only a hash of it; if you lose it, revoke it and create another.
              </Notice>
              <div className="field">
                <label className="field-label" htmlFor="new-api-key-secret">
                  Secret key
                </label>
                <div className="secret-box">
                  <input
                    ref={secretRef}
                    id="new-api-key-secret"
                    className="input"
                    readOnly
                    value={created.secret}
                    onFocus={(event) => event.target.select()}
                    spellCheck={false}
                  />
                  <CopyButton text={created.secret} fallbackTarget={() => secretRef.current} />
                </div>
              </div>
            </>
          )}
          <p className="subtle">
            Use it as <code>x-api-key: {created.prefix}…</code> with <code>?accountSlug={account.slug}</code> (optional with a key).
          </p>
        </div>
      </Dialog>
    );
  }

  const toggle = (scope: Scope, on: boolean) => {
    setScopes((list) => (on ? ALL_SCOPES.filter((s) => s === scope || list.includes(s)) : list.filter((s) => s !== scope)));
    setErrors((found) => ({ ...found, scopes: undefined }));
  };

  return (
    <FormDialog
      open={open}
      wide
      title="Create API key"
      description="Name it after the system that will use it."
      onClose={close}
      onSubmit={() => {
        const found: { name?: string; scopes?: string } = {};
        if (name.trim() === '') found.name = 'Enter a name for the key.';
        if (scopes.length === 0) found.scopes = 'Choose at least one scope.';
        setErrors(found);
        if (Object.keys(found).length === 0) create.mutate();
      }}
      submitLabel="Create key"
      busy={create.isPending}
      error={
        create.error !== null && Object.keys(issuesByPath(create.error)).length === 0 ? (
          <ErrorNotice error={create.error} title="The key was not created" />
        ) : undefined
      }
    >
        <TextField
          label="Name"
          required
          maxLength={100}
          placeholder="Greenhouse sync"
          value={name}
          error={errors.name}
          autoFocus
          onChange={(e) => {
            setName(e.target.value);
            setErrors((found) => ({ ...found, name: undefined }));
          }}
        />
        <fieldset>
          <legend className="field-label">Scopes</legend>
          <div className="stack">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={scopes.length === ALL_SCOPES.length}
                ref={(el) => {
                  if (el !== null) el.indeterminate = scopes.length > 0 && scopes.length < ALL_SCOPES.length;
                }}
                onChange={(e) => {
                  setScopes(e.target.checked ? ALL_SCOPES : []);
                  setErrors((found) => ({ ...found, scopes: undefined }));
                }}
              />
              <span>
                <span className="checkbox-title">All scopes</span>
                <span className="checkbox-hint">Full access to this team’s data through the API.</span>
              </span>
            </label>
            <div className="checkbox-grid">
              {ALL_SCOPES.map((scope) => (
                <label key={scope} className="checkbox">
                  <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                  <span>
                    <span className="checkbox-title">{SCOPE_LABELS[scope]}</span>
                    <code className="checkbox-hint">{scope}</code>
                  </span>
                </label>
              ))}
            </div>
            {errors.scopes !== undefined ? (
              <div className="field-error" role="alert">
                {errors.scopes}
              </div>
            ) : null}
          </div>
        </fieldset>
    </FormDialog>
  );
}

