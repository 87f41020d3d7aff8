import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { AccountContext, toCurrentAccount, type CurrentAccount } from '../auth/AccountContext';
import { rememberAccount, useSignedInUser, useSignOut } from '../auth/session';
import { Button } from '../components/Button';
import {
  CalendarIcon,
  ChatIcon,
  ClipboardIcon,
  CloseIcon,
  KeyIcon,
  LogOutIcon,
  MailIcon,
  MenuIcon,
  SendIcon,
  SettingsIcon,
  ShieldIcon,
  UserIcon,
  UsersIcon,
} from '../components/Icons';
import { useMailDelivery } from '../api/sessions';
import { useToast } from '../components/Toasts';
import { errorMessage } from '../api/client';
import { initials } from '../lib/format';
import { useMediaQuery } from '../lib/useMediaQuery';
import { NotFoundPage } from './NotFoundPage';

/** The signed-in frame of one team: sidebar navigation, team switcher, the page. */
export function AccountLayout() {
  const me = useSignedInUser();
  const { slug } = useParams();
  const summary = me.accounts.find((a) => a.slug === slug);
  const account = useMemo(() => (summary === undefined ? null : toCurrentAccount(summary)), [summary]);
  const location = useLocation();
  // The phone drawer is open on the page it was opened on: any navigation closes it.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const navOpen = openedOn === location.key;
  const setNavOpen = (open: boolean) => setOpenedOn(open ? location.key : null);
  const narrow = useMediaQuery('(max-width: 860px)');

  useEffect(() => {
    if (account !== null) rememberAccount(account.slug);
  }, [account]);
  // The phone drawer: focus moves into it on opening, and Escape closes it.
  useEffect(() => {
    if (!navOpen) return;
    // Once the drawer is shown: an element still hidden cannot take focus.
    const link = document.querySelector<HTMLElement>('#sidebar .nav-link');
    const drawer = document.getElementById('sidebar');
    const focusLink = () => link?.focus();
    drawer?.addEventListener('transitionend', focusLink, { once: true });
    const frame = window.requestAnimationFrame(() => window.requestAnimationFrame(focusLink));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenedOn(null);
      document.querySelector<HTMLElement>('.topbar button')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      drawer?.removeEventListener('transitionend', focusLink);
      window.cancelAnimationFrame(frame);
      window.removeEventListener('keydown', onKey);
    };
  }, [navOpen]);

  if (account === null) {
    return (
      <main className="main" id="main">
        <NotFoundPage />
      </main>
    );
  }

  return (
    <AccountContext.Provider value={account}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell" data-nav-open={navOpen}>
        <header className="topbar">
          <Link className="brand" to={`${account.base}/participants`}>
            <BrandMark />
            Docket
          </Link>
          <Button
            variant="ghost"
            iconOnly
            aria-label={navOpen ? 'Close menu' : 'Open menu'}
            aria-expanded={navOpen}
            aria-controls="sidebar"
            icon={navOpen ? <CloseIcon size={20} /> : <MenuIcon size={20} />}
            onClick={() => setNavOpen(!navOpen)}
          />
        </header>
        {navOpen ? <button className="nav-scrim" aria-label="Close menu" tabIndex={-1} onClick={() => setNavOpen(false)} /> : null}
        <Sidebar account={account} hidden={narrow && !navOpen} onNavigate={() => setNavOpen(false)} />
        <main className="main" id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </AccountContext.Provider>
  );
}

function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round">
        <path d="M7 5h5a7 7 0 0 1 0 14H7z" />
      </svg>
    </span>
  );
}

function Sidebar({ account, hidden, onNavigate }: { account: CurrentAccount; hidden: boolean; onNavigate: () => void }) {
  const me = useSignedInUser();
  const signOut = useSignOut();
  const toast = useToast();
  const navigate = useNavigate();
  const delivery = useMailDelivery();
  const navContext: NavContext = { account, mailDelivery: delivery.data?.delivery };

  return (
    <aside className="sidebar" id="sidebar" aria-label="Sidebar" inert={hidden}>
      <Link className="brand" to={`${account.base}/participants`} onClick={onNavigate}>
        <BrandMark />
        Docket
      </Link>
      <TeamSwitcher account={account} />
      <nav className="nav" aria-label="Main">
        {NAVIGATION.map((group, index) => (
          <NavGroup key={group.heading ?? index} group={group} context={navContext} onNavigate={onNavigate} />
        ))}
      </nav>
      <div className="sidebar-footer">
        <Link className="user-chip" to={`${account.base}/settings/account`} onClick={onNavigate} title="Your account">
          <span className="user-avatar" aria-hidden="true">
            {initials(me.user.name)}
          </span>
          <span className="user-meta">
            <strong className="truncate">{me.user.name}</strong>
            <span className="truncate">{me.user.email}</span>
          </span>
        </Link>
        <Button
          variant="ghost"
          size="sm"
          icon={<LogOutIcon />}
          loading={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () => void navigate('/sign-in', { replace: true }),
              onError: (error) => toast.error(errorMessage(error)),
            })
          }
        >
          Sign out
        </Button>
      </div>
    </aside>
  );
}

/**
 * The sidebar's entries, in one place: a new page adds a line here. `when` hides an entry from
 * those who cannot use it; `section` is the first part of its path, which the team switcher keeps.
 */
interface NavContext {
  account: CurrentAccount;
  /** `outbox` when mail is kept in the built-in outbox (no SMTP), once the server said so. */
  mailDelivery: string | undefined;
}

interface NavEntry {
  label: string;
  path: string;
  icon: ReactNode;
  when?: (context: NavContext) => boolean;
}

interface NavGroupSpec {
  heading?: string;
  entries: NavEntry[];
}

export const NAVIGATION: NavGroupSpec[] = [
  {
    entries: [
      { label: 'Participants', path: 'participants', icon: <UsersIcon /> },
      { label: 'Sessions', path: 'sessions', icon: <CalendarIcon /> },
      { label: 'Evaluation Templates', path: 'templates', icon: <ClipboardIcon /> },
      { label: 'Agent Profiles', path: 'agent-profiles', icon: <ChatIcon /> },
    ],
  },
  {
    heading: 'Developer',
    entries: [
      { label: 'API Keys', path: 'developer/api-keys', icon: <KeyIcon /> },
      { label: 'Webhooks', path: 'developer/webhooks', icon: <SendIcon /> },
    ],
  },
  { entries: [{ label: 'Outbox', path: 'outbox', icon: <MailIcon />, when: ({ mailDelivery }) => mailDelivery === 'outbox' }] },
  {
    heading: 'Settings',
    entries: [
      { label: 'Members', path: 'settings/members', icon: <ShieldIcon /> },
      { label: 'Team', path: 'settings/team', icon: <SettingsIcon /> },
      { label: 'Your account', path: 'settings/account', icon: <UserIcon /> },
    ],
  },
];

function NavGroup({ group, context, onNavigate }: { group: NavGroupSpec; context: NavContext; onNavigate: () => void }) {
  const headingId = useId();
  const { account } = context;
  const entries = group.entries.filter((entry) => entry.when?.(context) ?? true);
  if (entries.length === 0) return null;
  const links = entries.map((entry) => (
    // Every tap closes the phone drawer, also on the page already open (a same-page link does not navigate).
    <NavLink key={entry.path} className="nav-link" to={`${account.base}/${entry.path}`} onClick={onNavigate}>
      {entry.icon}
      {entry.label}
    </NavLink>
  ));
  if (group.heading === undefined) return <div className="nav-group">{links}</div>;
  return (
    <div className="nav-group" role="group" aria-labelledby={headingId}>
      <h2 className="nav-heading" id={headingId}>
        {group.heading}
      </h2>
      {links}
    </div>
  );
}

/** Moves to the same section of another team. */
function TeamSwitcher({ account }: { account: CurrentAccount }) {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const location = useLocation();
  if (me.accounts.length < 2) {
    return (
      <div className="team-switcher">
        <span className="nav-heading">Team</span>
        <div className="team-name">
          <span className="team-avatar" aria-hidden="true">
            {initials(account.name)}
          </span>
          <span className="truncate" title={account.name}>{account.name}</span>
        </div>
      </div>
    );
  }
  const rest = location.pathname.slice(account.base.length + 1);
  // The sidebar entry of this page (its longest matching path), else the first one.
  const entry = NAVIGATION.flatMap((g) => g.entries)
    .filter((e) => rest === e.path || rest.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const sub = entry?.path ?? 'participants';
  return (
    <div className="team-switcher">
      <label htmlFor="team-switcher">Team</label>
      <select
        id="team-switcher"
        className="select"
        value={account.slug}
        onChange={(event) => void navigate(`/a/${event.target.value}/${sub}`)}
      >
        {me.accounts.map((a) => (
          <option key={a.slug} value={a.slug}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
