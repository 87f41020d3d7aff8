import { useEffect, useMemo, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { AccountContext, toCurrentAccount, type CurrentAccount } from '../auth/AccountContext';
import { rememberAccount, useSignedInUser, useSignOut } from '../auth/session';
import { Button } from '../components/Button';
import { CalendarIcon, ChatIcon, ClipboardIcon, CloseIcon, KeyIcon, LogOutIcon, MailIcon, MenuIcon, ShieldIcon, UsersIcon } from '../components/Icons';
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
  const [navOpen, setNavOpen] = useState(false);
  const location = useLocation();
  const narrow = useMediaQuery('(max-width: 860px)');

  useEffect(() => {
    if (account !== null) rememberAccount(account.slug);
  }, [account]);
  useEffect(() => setNavOpen(false), [location.pathname]);
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
      setNavOpen(false);
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
            onClick={() => setNavOpen((open) => !open)}
          />
        </header>
        {navOpen ? <button className="nav-scrim" aria-label="Close menu" tabIndex={-1} onClick={() => setNavOpen(false)} /> : null}
        <Sidebar account={account} hidden={narrow && !navOpen} />
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

function Sidebar({ account, hidden }: { account: CurrentAccount; hidden: boolean }) {
  const me = useSignedInUser();
  const signOut = useSignOut();
  const toast = useToast();
  const navigate = useNavigate();
  const delivery = useMailDelivery();

  return (
    <aside className="sidebar" id="sidebar" aria-label="Sidebar" inert={hidden}>
      <Link className="brand" to={`${account.base}/participants`}>
        <BrandMark />
        Docket
      </Link>
      <TeamSwitcher account={account} />
      <nav className="nav" aria-label="Main">
        <div className="nav-group">
          <NavLink className="nav-link" to={`${account.base}/participants`}>
            <UsersIcon />
            Participants
          </NavLink>
          <NavLink className="nav-link" to={`${account.base}/sessions`}>
            <CalendarIcon />
            Sessions
          </NavLink>
          <NavLink className="nav-link" to={`${account.base}/templates`}>
            <ClipboardIcon />
            Evaluation Templates
          </NavLink>
          <NavLink className="nav-link" to={`${account.base}/agent-profiles`}>
            <ChatIcon />
            Agent Profiles
          </NavLink>
        </div>
        <div className="nav-group" role="group" aria-labelledby="nav-developer">
          <h2 className="nav-heading" id="nav-developer">
            Developer
          </h2>
          <NavLink className="nav-link" to={`${account.base}/developer/api-keys`}>
            <KeyIcon />
            API Keys
          </NavLink>
        </div>
        {delivery.data?.delivery === 'outbox' ? (
          <div className="nav-group">
            <NavLink className="nav-link" to={`${account.base}/outbox`}>
              <MailIcon />
              Outbox
            </NavLink>
          </div>
        ) : null}
        <div className="nav-group" role="group" aria-labelledby="nav-settings">
          <h2 className="nav-heading" id="nav-settings">
            Settings
          </h2>
          <NavLink className="nav-link" to={`${account.base}/settings/members`}>
            <ShieldIcon />
            Members
          </NavLink>
        </div>
      </nav>
      <div className="sidebar-footer">
        <div className="user-chip">
          <span className="user-avatar" aria-hidden="true">
            {initials(me.user.name)}
          </span>
          <span className="user-meta">
            <strong>{me.user.name}</strong>
            <span>{me.user.email}</span>
          </span>
        </div>
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
          <span>{account.name}</span>
        </div>
      </div>
    );
  }
  const section = location.pathname.slice(account.base.length).split('/')[1] ?? 'participants';
  const sub = section === 'developer' ? 'developer/api-keys' : section === 'settings' ? 'settings/members' : section;
  return (
    <div className="team-switcher">
      <label htmlFor="team-switcher">Team</label>
      <select
        id="team-switcher"
        className="select"
        value={account.slug}
        onChange={(event) => void navigate(`/a/${event.target.value}/${sub === '' ? 'participants' : sub}`)}
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
