import { Navigate, Outlet, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { SIGNED_OUT_KEY, useMe } from '../auth/session';
import { ErrorNotice } from '../components/Notice';
import { Loading } from '../components/EmptyState';

/** Pages behind sign-in: a visitor without a session goes to sign-in and comes back after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (me.isPending) {
    return (
      <div className="center-screen">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="center-screen">
        <ErrorNotice error={me.error} title="The dashboard could not load" onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data === null) {
    const next = `${location.pathname}${location.search}`;
    const signedOut = queryClient.getQueryData<boolean>(SIGNED_OUT_KEY) === true;
    const target = next === '/' || signedOut ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}
