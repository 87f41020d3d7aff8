import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { SearchIcon } from '../components/Icons';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          icon={<SearchIcon size={20} />}
          title="Page not found"
          actions={
            <Link className="btn btn-secondary" to={home}>
              Go to the dashboard
            </Link>
          }
        >
          The page you asked for does not exist, or it belongs to a team you are not in.
        </EmptyState>
      </div>
    </div>
  );
}
