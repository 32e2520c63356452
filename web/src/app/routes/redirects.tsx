import { Navigate, useParams } from 'react-router-dom';
import { useCrudDetailQuery } from '../../graphql/operations.ts';
import { ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import NotFound from './not-found.tsx';

/** `/profile/:handle` (the path people guess, and the original app's) → `/@handle`. */
export function ProfileRedirect() {
  const { handle = '' } = useParams();
  return <Navigate to={`/@${handle.replace(/^@/, '')}`} replace />;
}

/** `/crud/:id` → the crud's status URL `/@author/status/:id`; a crud that is gone is not found. */
export function CrudRedirect() {
  const { id = '' } = useParams();
  const crud = useCrudDetailQuery({ id });
  if (crud.loading && !crud.data) return <Loading label="Opening crud…" />;
  if (crud.error) return <ErrorState message={describeApiError(crud.error)} onRetry={() => void crud.refetch()} />;
  const found = crud.data?.crud;
  if (!found) return <NotFound />;
  return <Navigate to={`/@${found.author.handle}/status/${found.id}`} replace />;
}
