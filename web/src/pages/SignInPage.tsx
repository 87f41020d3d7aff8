import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { preferredAccount, safeReturnPath, useMe, useSignIn } from '../auth/session';
import { Button } from '../components/Button';
import { Loading } from '../components/EmptyState';
import { TextField } from '../components/Field';
import { ErrorNotice, Notice } from '../components/Notice';

export function SignInPage() {
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Docket';
  }, []);

  if (me.isPending) {
    return (
      <div className="center-screen">
        <Loading />
      </div>
    );
  }
  if (me.data !== undefined && me.data !== null && !signIn.isPending) {
    const slug = preferredAccount(me.data);
    return <Navigate to={next ?? (slug !== undefined ? `/a/${slug}/participants` : '/')} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: { email?: string; password?: string } = {};
    if (email.trim() === '') found.email = 'Enter your email address.';
    if (password === '') found.password = 'Enter your password.';
    setErrors(found);
    if (found.email !== undefined) return emailRef.current?.focus();
    if (found.password !== undefined) return passwordRef.current?.focus();
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (data) => {
          const slug = preferredAccount(data);
          void navigate(next ?? (slug !== undefined ? `/a/${slug}/participants` : '/'), { replace: true });
        },
        onError: () => passwordRef.current?.select(),
      },
    );
  };

  const error = signIn.error;
  const throttled = error instanceof ApiError && error.status === 429;

  return (
    <main className="auth-page">
      <div className="auth-card">
        <header>
          <span className="brand" aria-hidden="true">
            <span className="brand-mark">
              <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round">
                <path d="M7 5h5a7 7 0 0 1 0 14H7z" />
              </svg>
            </span>
            Docket
          </span>
          <h1>Sign in to your team</h1>
          <p>Manage participants, evaluation templates and API access.</p>
        </header>
        {next !== undefined && error === null ? <Notice tone="info">Sign in to continue to that page.</Notice> : null}
        {error !== null ? (
          <ErrorNotice error={error} title={throttled ? 'Too many attempts' : undefined} />
        ) : null}
        <form className="form" onSubmit={onSubmit} noValidate>
          <TextField
            ref={emailRef}
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextField
            ref={passwordRef}
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" variant="primary" className="btn-block" loading={signIn.isPending}>
            Sign in
          </Button>
        </form>
        <p className="auth-footer">On a new install, the first login is printed by the server when it starts.</p>
      </div>
    </main>
  );
}
