import { RequireAuth } from '../require-auth.tsx';
import { NotificationList } from '../../features/notifications/components/notification-list.tsx';
import { usePageTitle } from './page-title.ts';

/** Notifications (signed-in only), live. */
export default function NotificationsRoute() {
  usePageTitle('Notifications');
  return (
    <RequireAuth notice="Sign in to see your notifications.">
      <h1 className="page-title">Notifications</h1>
      <NotificationList />
    </RequireAuth>
  );
}
