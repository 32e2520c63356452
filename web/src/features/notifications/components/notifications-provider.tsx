import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useMarkNotificationsReadMutation, useOnNotificationSubscription, useUnreadNotificationsQuery } from '../../../graphql/operations.ts';
import { useViewer } from '../../../lib/auth/session.tsx';
import { useOnRealtimeResume } from '../../../lib/realtime/status.tsx';
import { CountBadge } from '../../../components/ui/count-badge.tsx';

interface NotificationsState {
  /** Unread notifications of the signed-in user (0 for guests). */
  unread: number;
  /** Increments on every live notification, so open lists know to re-read. */
  version: number;
  markAllRead(): Promise<void>;
}

const NotificationsContext = createContext<NotificationsState>({ unread: 0, version: 0, markAllRead: async () => {} });

/** Holds one onNotification subscription for the whole app: drives the nav badge and open lists. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  const unreadQuery = useUnreadNotificationsQuery({ skip: !viewer });
  const markRead = useMarkNotificationsReadMutation();
  const [version, setVersion] = useState(0);
  const { refetch, updateData } = unreadQuery;

  useOnNotificationSubscription(
    { recipientId: viewer?.sub ?? '' },
    {
      skip: !viewer,
      onData: () => {
        setVersion((v) => v + 1);
        void refetch();
      },
    },
  );

  useOnRealtimeResume(() => {
    if (!viewer) return;
    setVersion((v) => v + 1);
    void refetch();
  });

  const { mutate } = markRead;
  const markAllRead = useCallback(async () => {
    await mutate({});
    updateData((prev) => (prev ? { me: { ...prev.me, unreadNotificationsCount: 0 } } : prev));
  }, [mutate, updateData]);

  const unread = viewer ? (unreadQuery.data?.me.unreadNotificationsCount ?? 0) : 0;
  const value = useMemo(() => ({ unread, version, markAllRead }), [unread, version, markAllRead]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

/** Unread count, live version and mark-all-read for the current user. */
export function useNotificationsState(): NotificationsState {
  return useContext(NotificationsContext);
}

/** The nav badge: the unread count, announced with the link's name. */
export function UnreadBadge() {
  return <CountBadge count={useNotificationsState().unread} />;
}
