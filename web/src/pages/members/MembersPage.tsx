import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { errorMessage, expectOk, issuesByPath, unwrap } from '../../api/client';
import { ROLES, type Member, type Role } from '../../api/models';
import { useAccount } from '../../auth/AccountContext';
import { ME_KEY, useSignedInUser } from '../../auth/session';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialog';
import { DataTable, type Column } from '../../components/DataTable';
import { Truncate } from '../../components/Truncate';
import { SelectField, TextField } from '../../components/Field';
import { PlusIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/Toasts';
import { formatDate, initials, plural } from '../../lib/format';
import { ROLE_LABELS } from '../../lib/labels';
import { fieldMessage } from '../../lib/messages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

export function MembersPage() {
  useDocumentTitle('Members');
  const api = useApi();
  const account = useAccount();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const key = [account.slug, 'members'] as const;

  const list = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/v1/members', { params: { query: { accountSlug: account.slug } } })),
  });

  const changeRole = useMutation({
    mutationFn: async ({ member, role }: { member: Member; role: Role }) =>
      (
        await unwrap(
          api.PATCH('/api/v1/members/{user_id}', {
            params: { path: { user_id: member.user_id }, query: { accountSlug: account.slug } },
            body: { role },
          }),
        )
      ).data,
    onSuccess: async (member) => {
      await queryClient.invalidateQueries({ queryKey: key });
      if (member.user_id === me.user.id) await queryClient.invalidateQueries({ queryKey: ME_KEY });
      toast.success(`${member.name}’s role is now ${ROLE_LABELS[member.role].label}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const remove = useMutation({
    mutationFn: async (member: Member) => {
      await expectOk(
        api.DELETE('/api/v1/members/{user_id}', { params: { path: { user_id: member.user_id }, query: { accountSlug: account.slug } } }),
      );
      return member;
    },
    onSuccess: async (member) => {
      setRemoving(null);
      toast.success(`${member.name} was removed from ${account.name}`);
      if (member.user_id === me.user.id) {
        await queryClient.invalidateQueries({ queryKey: ME_KEY });
        void navigate('/', { replace: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  // Only owners grant or change the owner role; the API enforces it too.
  const grantableRoles = (current: Role): Role[] => (account.role === 'owner' ? [...ROLES] : ROLES.filter((r) => r !== 'owner' || current === 'owner'));
  const editable = (member: Member) => account.canManage && (member.role !== 'owner' || account.role === 'owner');
  const columns: Column<Member>[] = [
    {
      id: 'name',
      header: 'Name',
      title: true,
      width: '30%',
      cell: (member) => (
        <span className="user-chip">
          <span className="user-avatar" aria-hidden="true">
            {initials(member.name)}
          </span>
          <Truncate text={member.name} className="cell-primary" />
          {member.user_id === me.user.id ? <Badge tone="outline">You</Badge> : null}
        </span>
      ),
    },
    { id: 'email', header: 'Email', width: '30%', className: 'cell-muted', cell: (member) => <Truncate text={member.email} /> },
    {
      id: 'role',
      header: 'Role',
      width: '11rem',
      cell: (member) =>
        editable(member) ? (
          <SelectField
            label={`Role of ${member.name}`}
            hideLabel
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(e) => changeRole.mutate({ member, role: e.target.value as Role })}
          >
            {grantableRoles(member.role).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r].label}
              </option>
            ))}
          </SelectField>
        ) : (
          <Badge tone={member.role === 'owner' ? 'brand' : 'gray'}>{ROLE_LABELS[member.role].label}</Badge>
        ),
    },
    { id: 'added', header: 'Added', width: '8rem', className: 'cell-muted cell-nowrap', cell: (member) => formatDate(member.created_at) },
    {
      id: 'actions',
      header: 'Actions',
      width: '7rem',
      className: 'cell-actions',
      cell: (member) =>
        editable(member) ? (
          <Button size="sm" variant="danger-outline" aria-label={`Remove ${member.name}`} onClick={() => setRemoving(member)}>
            {member.user_id === me.user.id ? 'Leave' : 'Remove'}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title="Members"
        description={`People who can sign in to ${account.name}, and what each may do.`}
        actions={
          account.canManage ? (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setAdding(true)}>
              Add member
            </Button>
          ) : undefined
        }
      />
      {!account.canManage ? <Notice tone="info">Only owners and admins add members or change roles.</Notice> : null}
      <section className="card" aria-labelledby="members-heading">
        <div className="card-header">
          <h2 id="members-heading">{list.data !== undefined ? plural(list.data.data.length, 'member') : 'Members'}</h2>
        </div>
        {list.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.error} title="Members could not be loaded" onRetry={() => void list.refetch()} />
          </div>
        ) : (
          <DataTable
            caption={`Members of ${account.name}`}
            columns={columns}
            rows={list.data?.data}
            rowKey={(member) => member.user_id}
            rowLabel={(member) => member.name}
          />
        )}
      </section>

      <section className="card">
        <div className="card-header">
          <h2>Roles</h2>
        </div>
        <div className="card-body">
          <dl className="dl">
            {ROLES.map((r) => (
              <div key={r} style={{ display: 'contents' }}>
                <dt>{ROLE_LABELS[r].label}</dt>
                <dd>{ROLE_LABELS[r].description}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <AddMemberDialog open={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={removing !== null}
        title={removing?.user_id === me.user.id ? `Leave ${account.name}?` : 'Remove this member?'}
        message={
          removing?.user_id === me.user.id
            ? 'You will lose access to this team at once.'
            : `${removing?.name ?? ''} (${removing?.email ?? ''}) will lose access to ${account.name}. Their login stays valid for other teams.`
        }
        confirmLabel={removing?.user_id === me.user.id ? 'Leave team' : 'Remove member'}
        busy={remove.isPending}
        error={remove.error !== null ? <ErrorNotice error={remove.error} /> : undefined}
        onConfirm={() => {
          if (removing !== null) remove.mutate(removing);
        }}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </div>
  );
}

interface MemberForm {
  email: string;
  name: string;
  password: string;
  role: Role;
}

const EMPTY: MemberForm = { email: '', name: '', password: '', role: 'member' };
const FIELD_LABELS: Record<keyof MemberForm, string> = { email: 'Email', name: 'Name', password: 'Initial password', role: 'Role' };

function AddMemberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [form, setForm] = useState<MemberForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof MemberForm, string>>>({});

  const add = useMutation({
    mutationFn: async () =>
      (
        await unwrap(
          api.POST('/api/v1/members', {
            params: { query: { accountSlug: account.slug } },
            body: {
              email: form.email.trim(),
              role: form.role,
              ...(form.name.trim() !== '' ? { name: form.name.trim() } : {}),
              ...(form.password !== '' ? { password: form.password } : {}),
            },
          }),
        )
      ).data,
    onSuccess: async (member) => {
      await queryClient.invalidateQueries({ queryKey: [account.slug, 'members'] });
      toast.success(`${member.name} was added with the role ${ROLE_LABELS[member.role].label}`);
      close();
    },
    onError: (error) => {
      const issues = issuesByPath(error);
      const found: Partial<Record<keyof MemberForm, string>> = {};
      for (const key of ['email', 'name', 'password', 'role'] as const) {
        const message = issues[key];
        if (message !== undefined) found[key] = fieldMessage(FIELD_LABELS[key], message);
      }
      setErrors(found);
    },
  });

  const close = () => {
    setForm(EMPTY);
    setErrors({});
    add.reset();
    onClose();
  };

  const set = <K extends keyof MemberForm>(k: K, v: MemberForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((found) => ({ ...found, [k]: undefined }));
  };

  return (
    <FormDialog
      open={open}
      title="Add member"
      description="Add someone who already has a Docket login by email, or create their login here."
      onClose={close}
      onSubmit={() => {
        const found: Partial<Record<keyof MemberForm, string>> = {};
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) found.email = 'Enter a valid email address.';
        if (form.password !== '' && form.password.length < 8) found.password = 'Use at least 8 characters.';
        setErrors(found);
        if (Object.keys(found).length === 0) add.mutate();
      }}
      submitLabel="Add member"
      busy={add.isPending}
      error={add.error !== null && Object.keys(issuesByPath(add.error)).length === 0 ? <ErrorNotice error={add.error} title="The member was not added" /> : undefined}
    >
        <TextField label="Email" type="email" required autoFocus autoComplete="off" value={form.email} error={errors.email} onChange={(e) => set('email', e.target.value)} />
        <TextField
          label="Name"
          hint="Needed for a person without a Docket login."
          value={form.name}
          error={errors.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. Share it privately; needed only for a new login."
          value={form.password}
          error={errors.password}
          onChange={(e) => set('password', e.target.value)}
        />
        <SelectField
          label="Role"
          value={form.role}
          hint={ROLE_LABELS[form.role].description}
          error={errors.role}
          onChange={(e) => set('role', e.target.value as Role)}
        >
          {ROLES.filter((r) => r !== 'owner' || account.role === 'owner').map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r].label}
            </option>
          ))}
        </SelectField>
    </FormDialog>
  );
}
