import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '../lib/auth/session.tsx';
import { RealtimeStatusProvider } from '../lib/realtime/status.tsx';
import { NotificationsProvider } from '../features/notifications/components/notifications-provider.tsx';
import { UnreadMessagesProvider } from '../features/messages/components/unread-messages.tsx';
import { AppRoutes } from './routes.tsx';

/** Providers (session, real-time status, live notifications, unread messages) and the router. */
export function App() {
  return (
    <SessionProvider>
      <RealtimeStatusProvider>
        <NotificationsProvider>
          <UnreadMessagesProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </UnreadMessagesProvider>
        </NotificationsProvider>
      </RealtimeStatusProvider>
    </SessionProvider>
  );
}
