import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '../lib/auth/session.tsx';
import { NotificationsProvider } from '../features/notifications/components/notifications-provider.tsx';
import { AppRoutes } from './routes.tsx';

/** Providers (session, live notifications) and the router. */
export function App() {
  return (
    <SessionProvider>
      <NotificationsProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </NotificationsProvider>
    </SessionProvider>
  );
}
