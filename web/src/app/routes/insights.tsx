import { RequireAuth } from '../require-auth.tsx';
import { useViewer } from '../../lib/auth/session.tsx';
import { useLiveUser } from '../../lib/live-users/live-users.tsx';
import { InsightsScreen } from '../../features/insights/components/insights-screen.tsx';
import { usePageTitle } from './page-title.ts';

/** The viewer's Insights (signed-in only). The chart library ships in this route's chunk only. */
export default function InsightsRoute() {
  usePageTitle('Insights');
  const viewer = useViewer();
  // Links to the viewer's cruds use the current handle, which may have changed since the token.
  const live = useLiveUser(viewer && { id: viewer.sub, handle: viewer.handle, displayName: viewer.name });
  return (
    <RequireAuth notice="Sign in to see your Insights.">
      <h1 className="page-title">Insights</h1>
      {live && <InsightsScreen handle={live.handle} />}
    </RequireAuth>
  );
}
