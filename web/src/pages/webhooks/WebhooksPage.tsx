import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { issuesByPath, unwrap } from '../../api/client';
import type { CreatedWebhookEndpoint, WebhookDelivery, WebhookEndpoint } from '../../api/models';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';
import { DataTable, type Column } from '../../components/DataTable';
import { ConfirmDialog, Dialog, FormDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { SelectField, TextField } from '../../components/Field';
import { PlusIcon, SendIcon, ShieldIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useToast } from '../../components/Toasts';
import { Truncate } from '../../components/Truncate';
import { formatDate, formatDateTime, plural } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

/** The event types an endpoint can subscribe to (SPEC §6). */
export const WEBHOOK_EVENTS = [
  'participant.created',
  'participant.updated',
  'participant.deleted',
  'session.created',
  'session.rescheduled',
  'session.started',
  'session.completed',
  'session.scored',
  'session.failed',
  'session.cancelled',
  'resume.ready',
  'resume.failed',
  'webhook.test',
] as const;
type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const PAGE_SIZE = 25;

export function WebhooksPage() {
  useDocumentTitle('Webhooks');
  const account = useAccount();
  return (
    <div className="page">
      <PageHeader
        title="Webhooks"
        description={
          <>
            Docket tells your systems what happened with signed HTTP requests (Standard Webhooks). Delivery is at least once and unordered:
            deduplicate on the <code>webhook-id</code> header.
          </>
        }
      />
      {account.canManage ? (
        <WebhooksManager />
      ) : (
        <section className="card">
          <EmptyState icon={<ShieldIcon size={20} />} title="Only owners and admins manage webhooks">
            Ask an owner or admin of {account.name} to add an endpoint.
          </EmptyState>
        </section>
      )}
    </div>
  );
}

function WebhooksManager() {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<CreatedWebhookEndpoint | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const query = { accountSlug: account.slug };

  const list = useQuery({
    queryKey: [account.slug, 'webhook-endpoints', page],
    queryFn: () => unwrap(api.GET('/api/v1/webhook-endpoints', { params: { query: { ...query, page, pageSize: PAGE_SIZE } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: [account.slug, 'webhook-endpoints'] });
  const refreshDeliveries = () => queryClient.invalidateQueries({ queryKey: [account.slug, 'webhook-deliveries'] });

  const setEnabled = useMutation({
    mutationFn: async ({ endpoint, enabled }: { endpoint: WebhookEndpoint; enabled: boolean }) =>
      (await unwrap(api.PATCH('/api/v1/webhook-endpoints/{id}', { params: { path: { id: endpoint.id }, query }, body: { enabled } }))).data,
    onSuccess: async (endpoint) => {
      await refresh();
      toast.success(endpoint.enabled ? 'Endpoint enabled' : 'Endpoint disabled');
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : 'The endpoint was not changed'),
  });
  const sendTest = useMutation({
    mutationFn: async (endpoint: WebhookEndpoint) =>
      (await unwrap(api.POST('/api/v1/webhook-endpoints/{id}/test', { params: { path: { id: endpoint.id }, query } }))).data,
    onSuccess: async (delivery) => {
      setSelected(delivery.endpoint_id);
      await refreshDeliveries();
      toast.success('Test event queued');
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : 'The test was not sent'),
  });
  const rotate = useMutation({
    mutationFn: async (endpoint: WebhookEndpoint) =>
      (await unwrap(api.POST('/api/v1/webhook-endpoints/{id}/rotate-secret', { params: { path: { id: endpoint.id }, query } }))).data,
    onSuccess: async (endpoint) => {
      setRotating(null);
      setSecret(endpoint);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (endpoint: WebhookEndpoint) => {
      await unwrap(api.DELETE('/api/v1/webhook-endpoints/{id}', { params: { path: { id: endpoint.id }, query } }));
      return endpoint;
    },
    onSuccess: async (endpoint) => {
      setDeleting(null);
      if (selected === endpoint.id) setSelected(null);
      await refresh();
      toast.success('Endpoint deleted');
    },
  });

  const total = list.data?.meta.total ?? 0;
  const totalPages = list.data?.meta.totalPages ?? 1;
  const current = list.data?.data.find((e) => e.id === selected) ?? null;


  const endpointColumns: Column<WebhookEndpoint>[] = [
    {
      id: 'url',
      header: 'URL',
      title: true,
      width: '30%',
      cell: (endpoint) => (
        <>
          <Truncate text={endpoint.url} as="code" />
          {endpoint.description !== null ? <Truncate text={endpoint.description} className="subtle" /> : null}
        </>
      ),
    },
    {
      id: 'events',
      header: 'Events',
      width: '10%',
      cell: (endpoint) => (endpoint.events.includes('*') ? <Badge tone="brand">All events</Badge> : <span>{plural(endpoint.events.length, 'event')}</span>),
    },
    {
      id: 'status',
      header: 'Status',
      width: '12%',
      cell: (endpoint) =>
        endpoint.enabled ? (
          <Badge tone="green" dot>
            Enabled
          </Badge>
        ) : (
          <span title={endpoint.disabled_reason ?? undefined}>
            <Badge tone="red">Disabled</Badge>
            {endpoint.disabled_reason !== null ? <Truncate text={endpoint.disabled_reason} className="subtle" /> : null}
          </span>
        ),
    },
    { id: 'created', header: 'Created', width: '11%', className: 'cell-nowrap cell-muted', cell: (endpoint) => formatDate(endpoint.created_at) },
    {
      id: 'actions',
      header: 'Actions',
      className: 'cell-actions',
      cell: (endpoint) => (
        <div className="actions-wrap">
          <Button size="sm" onClick={() => setSelected(endpoint.id)} aria-label={`Deliveries of ${endpoint.url}`}>
            Deliveries
          </Button>
          <Button size="sm" disabled={!endpoint.enabled || sendTest.isPending} onClick={() => sendTest.mutate(endpoint)} aria-label={`Send a test to ${endpoint.url}`}>
            Send test
          </Button>
          <Button size="sm" onClick={() => setRotating(endpoint)} aria-label={`Rotate the secret of ${endpoint.url}`}>
            Rotate secret
          </Button>
          <Button size="sm" onClick={() => setEnabled.mutate({ endpoint, enabled: !endpoint.enabled })}>
            {endpoint.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button size="sm" variant="danger-outline" onClick={() => setDeleting(endpoint)} aria-label={`Delete ${endpoint.url}`}>
            Delete
          </Button>
        </div>
      ),
    },
  ];

  return (
    <>
      <section className="card" aria-labelledby="endpoints-heading">
        <div className="card-header">
          <div>
            <h2 id="endpoints-heading">Endpoints</h2>
            <p>Each endpoint receives the events it subscribes to, signed with its own secret.</p>
          </div>
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
            Add endpoint
          </Button>
        </div>
        {list.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.error} title="Webhook endpoints could not be loaded" onRetry={() => void list.refetch()} />
          </div>
        ) : list.data !== undefined && list.data.data.length === 0 ? (
          <EmptyState
            icon={<SendIcon size={20} />}
            title="No webhook endpoints yet"
            actions={
              <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
                Add endpoint
              </Button>
            }
          >
            Add the HTTPS address of a system that should hear about new participants, sessions and scores.
          </EmptyState>
        ) : (
          <>
            <DataTable
              caption="Webhook endpoints"
              columns={endpointColumns}
              rows={list.data?.data}
              rowKey={(endpoint) => endpoint.id}
              rowLabel={(endpoint) => endpoint.url}
            />
            {totalPages > 1 ? (
              <Pager
                summary={`${plural(total, 'endpoint')} · page ${page} of ${totalPages}`}
                hasPrevious={page > 1}
                hasNext={page < totalPages}
                onPrevious={() => setPage((p) => p - 1)}
                onNext={() => setPage((p) => p + 1)}
              />
            ) : null}
          </>
        )}
      </section>

      {current !== null ? <DeliveriesPanel endpoint={current} /> : null}

      <CreateEndpointDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(endpoint) => {
          setCreating(false);
          setSecret(endpoint);
          setSelected(endpoint.id);
        }}
      />
      <SecretDialog endpoint={secret} onClose={() => setSecret(null)} />
      <ConfirmDialog
        open={rotating !== null}
        title="Rotate the signing secret?"
        message={
          <>
            A new secret is made now. For 24 hours every delivery to <code>{rotating?.url}</code> carries two signatures, one with the old secret
            and one with the new, so you can switch your receiver without missing anything.
          </>
        }
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        error={rotate.error !== null ? <ErrorNotice error={rotate.error} /> : undefined}
        onConfirm={() => {
          if (rotating !== null) rotate.mutate(rotating);
        }}
        onCancel={() => {
          setRotating(null);
          rotate.reset();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        danger
        title="Delete this endpoint?"
        message={
          <>
            Nothing more is sent to <code>{deleting?.url}</code>, and its delivery log is deleted with it.
          </>
        }
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        error={remove.error !== null ? <ErrorNotice error={remove.error} /> : undefined}
        onConfirm={() => {
          if (deleting !== null) remove.mutate(deleting);
        }}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </>
  );
}

function SecretDialog({ endpoint, onClose }: { endpoint: CreatedWebhookEndpoint | null; onClose: () => void }) {
  const secretRef = useRef<HTMLInputElement>(null);
  return (
    <Dialog
      open={endpoint !== null}
      title="Signing secret"
      description={endpoint !== null ? <code>{endpoint.url}</code> : undefined}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      {endpoint?.secret === undefined ? (
        <Notice tone="warning" title="The secret cannot be shown again">
          This endpoint was created by an earlier request, which showed its secret. Rotate the secret to get a new one.
        </Notice>
      ) : (
        <div className="stack">
          <Notice tone="warning" title="Copy this secret now">
            This is the only time it is shown. Your receiver verifies every delivery with it (for example with the <code>standardwebhooks</code>{' '}
            library).
          </Notice>
          <div className="field">
            <label className="field-label" htmlFor="webhook-secret">
              Secret
            </label>
            <div className="secret-box">
              <input
                ref={secretRef}
                id="webhook-secret"
                className="input"
                readOnly
                value={endpoint.secret}
                onFocus={(event) => event.target.select()}
                spellCheck={false}
              />
              <CopyButton text={endpoint.secret} fallbackTarget={() => secretRef.current} />
            </div>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function CreateEndpointDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (endpoint: CreatedWebhookEndpoint) => void }) {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<{ url?: string; events?: string; description?: string }>({});

  const reset = () => {
    setUrl('');
    setDescription('');
    setAll(true);
    setChosen([]);
    setErrors({});
    create.reset();
  };
  const create = useMutation({
    mutationFn: async () =>
      (
        await unwrap(
          api.POST('/api/v1/webhook-endpoints', {
            params: { query: { accountSlug: account.slug } },
            body: { url: url.trim(), ...(description.trim() !== '' ? { description: description.trim() } : {}), events: all ? ['*'] : chosen },
          }),
        )
      ).data,
    onSuccess: async (endpoint) => {
      await queryClient.invalidateQueries({ queryKey: [account.slug, 'webhook-endpoints'] });
      reset();
      onCreated(endpoint);
    },
    onError: (error) => setErrors(issuesByPath(error)),
  });

  return (
    <FormDialog
      open={open}
      wide
      title="Add webhook endpoint"
      description="Docket sends a signed POST to this address for every event it subscribes to."
      onClose={() => {
        reset();
        onClose();
      }}
      onSubmit={() => {
        const found: { url?: string; events?: string } = {};
        if (url.trim() === '') found.url = 'Enter the URL of your receiver.';
        if (!all && chosen.length === 0) found.events = 'Choose at least one event, or all events.';
        setErrors(found);
        if (Object.keys(found).length === 0) create.mutate();
      }}
      submitLabel="Add endpoint"
      busy={create.isPending}
      error={
        create.error !== null && Object.keys(issuesByPath(create.error)).length === 0 ? (
          <ErrorNotice error={create.error} title="The endpoint was not added" />
        ) : undefined
      }
    >
      <TextField
        label="URL"
        required
        type="url"
        maxLength={2048}
        placeholder="https://example.com/webhooks/docket"
        value={url}
        error={errors.url}
        autoFocus
        onChange={(e) => {
          setUrl(e.target.value);
          setErrors((found) => ({ ...found, url: undefined }));
        }}
      />
      <TextField label="Description" maxLength={500} value={description} error={errors.description} onChange={(e) => setDescription(e.target.value)} />
      <fieldset>
        <legend className="field-label">Events</legend>
        <div className="stack">
          <label className="checkbox">
            <input type="radio" name="webhook-events" checked={all} onChange={() => setAll(true)} />
            <span>
              <span className="checkbox-title">All events</span>
              <span className="checkbox-hint">Including types added later.</span>
            </span>
          </label>
          <label className="checkbox">
            <input type="radio" name="webhook-events" checked={!all} onChange={() => setAll(false)} />
            <span>
              <span className="checkbox-title">Chosen events</span>
            </span>
          </label>
          {!all ? (
            <div className="checkbox-grid">
              {WEBHOOK_EVENTS.map((event) => (
                <label key={event} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(event)}
                    onChange={(e) => {
                      setChosen((list) => (e.target.checked ? WEBHOOK_EVENTS.filter((x) => x === event || list.includes(x)) : list.filter((x) => x !== event)));
                      setErrors((found) => ({ ...found, events: undefined }));
                    }}
                  />
                  <code className="checkbox-title">{event}</code>
                </label>
              ))}
            </div>
          ) : null}
          {errors.events !== undefined ? (
            <div className="field-error" role="alert">
              {errors.events}
            </div>
          ) : null}
        </div>
      </fieldset>
    </FormDialog>
  );
}

const STATUS_TONE = { pending: 'amber', succeeded: 'green', failed: 'red' } as const;

function DeliveriesPanel({ endpoint }: { endpoint: WebhookEndpoint }) {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<'' | WebhookDelivery['status']>('');
  const [event, setEvent] = useState<'' | WebhookEvent>('');
  const [opened, setOpened] = useState<string | null>(null);
  const [since, setSince] = useState('');
  const query = { accountSlug: account.slug };

  const list = useQuery({
    queryKey: [account.slug, 'webhook-deliveries', endpoint.id, page, status, event],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/webhook-endpoints/{id}/deliveries', {
          params: {
            path: { id: endpoint.id },
            query: { ...query, page, pageSize: PAGE_SIZE, ...(status !== '' ? { status } : {}), ...(event !== '' ? { event } : {}) },
          },
        }),
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: [account.slug, 'webhook-deliveries'] });
  const replay = useMutation({
    mutationFn: async (id: string) => (await unwrap(api.POST('/api/v1/webhook-deliveries/{id}/replay', { params: { path: { id }, query } }))).data,
    onSuccess: async () => {
      await refresh();
      toast.success('Delivery queued again');
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : 'The delivery was not replayed'),
  });
  const recover = useMutation({
    mutationFn: async () =>
      (
        await unwrap(
          api.POST('/api/v1/webhook-endpoints/{id}/recover', { params: { path: { id: endpoint.id }, query }, body: { since: new Date(since).toISOString() } }),
        )
      ).data,
    onSuccess: async (result) => {
      await refresh();
      toast.success(`${plural(result.replayed, 'failed delivery', 'failed deliveries')} queued again`);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : 'Nothing was recovered'),
  });

  const totalPages = list.data?.meta.totalPages ?? 1;

  const deliveryColumns: Column<WebhookDelivery>[] = [
    {
      id: 'event',
      header: 'Event',
      title: true,
      width: '30%',
      cell: (delivery) => (
        <>
          <Truncate text={delivery.event} as="code" />
          <Truncate text={delivery.event_id} className="subtle" />
        </>
      ),
    },
    { id: 'status', header: 'Status', width: '12%', cell: (delivery) => <Badge tone={STATUS_TONE[delivery.status]}>{delivery.status}</Badge> },
    { id: 'attempts', header: 'Attempts', width: '10%', cell: (delivery) => delivery.attempts },
    {
      id: 'answer',
      header: 'Last answer',
      width: '16%',
      cell: (delivery) => <Truncate text={delivery.last_error ?? (delivery.last_status_code !== null ? `HTTP ${delivery.last_status_code}` : '—')} />,
    },
    { id: 'created', header: 'Created', width: '16%', className: 'cell-muted', cell: (delivery) => formatDateTime(delivery.created_at) },
    {
      id: 'actions',
      header: 'Actions',
      className: 'cell-actions',
      cell: (delivery) => (
        <div className="actions-wrap">
          <Button size="sm" onClick={() => setOpened(delivery.id)} aria-label={`Attempts of ${delivery.event} ${delivery.event_id}`}>
            Attempts
          </Button>
          <Button size="sm" disabled={!endpoint.enabled || replay.isPending} onClick={() => replay.mutate(delivery.id)}>
            Replay
          </Button>
        </div>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="deliveries-heading">
      <div className="card-header">
        <div>
          <h2 id="deliveries-heading">Deliveries</h2>
          <p>
            To <code>{endpoint.url}</code>, newest first, kept 30 days.
          </p>
        </div>
        <Button size="sm" onClick={() => void list.refetch()}>
          Refresh
        </Button>
      </div>
      <div className="toolbar">
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="">Any status</option>
          <option value="pending">Pending</option>
          <option value="succeeded">Succeeded</option>
          <option value="failed">Failed</option>
        </SelectField>
        <SelectField label="Event" value={event} onChange={(e) => setEvent(e.target.value as typeof event)}>
          <option value="">Any event</option>
          {WEBHOOK_EVENTS.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </SelectField>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (since !== '') recover.mutate();
          }}
        >
          <TextField label="Recover failed since" type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
          <Button type="submit" size="sm" disabled={since === '' || recover.isPending || !endpoint.enabled}>
            Recover
          </Button>
        </form>
      </div>
      {list.isError ? (
        <div className="card-body">
          <ErrorNotice error={list.error} title="Deliveries could not be loaded" onRetry={() => void list.refetch()} />
        </div>
      ) : list.data !== undefined && list.data.data.length === 0 ? (
        <EmptyState icon={<SendIcon size={20} />} title="No deliveries">
          Events that happen from now on appear here. Send a test to try the endpoint.
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Deliveries" columns={deliveryColumns} rows={list.data?.data} rowKey={(delivery) => delivery.id} rowLabel={(delivery) => `${delivery.event} ${delivery.event_id}`} />
          {totalPages > 1 ? (
            <Pager
              summary={`page ${page} of ${totalPages}`}
              hasPrevious={page > 1}
              hasNext={page < totalPages}
              onPrevious={() => setPage((p) => p - 1)}
              onNext={() => setPage((p) => p + 1)}
            />
          ) : null}
        </>
      )}
      <DeliveryDialog id={opened} onClose={() => setOpened(null)} />
    </section>
  );
}

function DeliveryDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const api = useApi();
  const account = useAccount();
  const detail = useQuery({
    enabled: id !== null,
    queryKey: [account.slug, 'webhook-deliveries', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/webhook-deliveries/{id}', { params: { path: { id: id ?? '' }, query: { accountSlug: account.slug } } })),
  });
  const data = detail.data?.data;
  return (
    <Dialog open={id !== null} wide title="Delivery attempts" description={data !== undefined ? <code>{data.event_id}</code> : undefined} onClose={onClose}>
      {detail.isError ? (
        <ErrorNotice error={detail.error} title="The delivery could not be loaded" />
      ) : data === undefined ? (
        <p className="subtle">Loading…</p>
      ) : (
        <div className="stack">
          {data.attempts_log.length === 0 ? <p className="subtle">Not attempted yet.</p> : null}
          <ol className="stack" aria-label="Attempts">
            {data.attempts_log.map((attempt) => (
              <li key={attempt.id} className="attempt">
                <div>
                  <strong>{formatDateTime(attempt.attempted_at)}</strong> ·{' '}
                  {attempt.status_code !== null ? `HTTP ${attempt.status_code}` : 'no answer'} · {attempt.latency_ms} ms
                </div>
                {attempt.error !== null ? <div className="field-error">{attempt.error}</div> : null}
                {attempt.response_body !== null && attempt.response_body !== '' ? <pre className="mail-text">{attempt.response_body}</pre> : null}
              </li>
            ))}
          </ol>
          {data.body !== null ? (
            <details>
              <summary>Body as sent</summary>
              <pre className="mail-text">{data.body}</pre>
            </details>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
