import { Navigate } from 'react-router';
import { preferredAccount, useSignedInUser, useSignOut } from '../auth/session';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { UsersIcon } from '../components/Icons';

/** `/`: opens the team used last (or the first one). */
export function HomeRedirect() {
  const me = useSignedInUser();
  const signOut = useSignOut();
  const slug = preferredAccount(me);
  if (slug !== undefined) return <Navigate to={`/a/${slug}/participants`} replace />;
  return (
    <main className="center-screen">
      <div className="card card-body">
        <EmptyState
          icon={<UsersIcon size={20} />}
          title="You are not in a team yet"
          actions={
            <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          }
        >
          Signed in as {me.user.email}. Ask an owner or admin of your team to add you under Settings → Members.
        </EmptyState>
      </div>
    </main>
  );
}
