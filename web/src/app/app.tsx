import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '../lib/auth/session.tsx';
import { GraphqlProvider } from '../lib/graphql/index.ts';
import { RealtimeStatusProvider } from '../lib/realtime/status.tsx';
import { NotificationsProvider } from '../features/notifications/components/notifications-provider.tsx';
import { UnreadMessagesProvider } from '../features/messages/components/unread-messages.tsx';
import { AppRoutes } from './routes.tsx';
import { SessionSync } from './session-sync.tsx';

/** Providers (session, the GraphQL cache, real-time status, live notifications, unread messages) and the router. */
export function App() {
  return (
    <SessionProvider>
      <GraphqlProvider>
        <RealtimeStatusProvider>
          <NotificationsProvider>
            <UnreadMessagesProvider>
              <BrowserRouter>
                <SessionSync>
                  <AppRoutes />
                </SessionSync>
              </BrowserRouter>
            </UnreadMessagesProvider>
          </NotificationsProvider>
        </RealtimeStatusProvider>
      </GraphqlProvider>
    </SessionProvider>
  );
}
