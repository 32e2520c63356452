import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useOnInboxMessageSubscription, useUnreadConversationsQuery } from '../../../graphql/operations.ts';
import { useViewer } from '../../../lib/auth/session.tsx';
import { useOnRealtimeResume } from '../../../lib/realtime/status.tsx';
import { CountBadge } from '../../../components/ui/count-badge.tsx';
import { useMessageCache } from '../cache/use-message-cache.ts';

interface UnreadMessagesState {
  /** Conversations with unread messages (0 for guests). */
  unread: number;
  /** Re-read the count (after reading a conversation). */
  refresh(): void;
}

const UnreadMessagesContext = createContext<UnreadMessagesState>({ unread: 0, refresh: () => {} });

/**
 * The signed-in user's one onInboxMessage subscription: every message of their conversations is
 * written to the message cache (open thread and inbox), and others' messages re-read the nav
 * badge's unread-conversation count.
 */
export function UnreadMessagesProvider({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  const query = useUnreadConversationsQuery({ skip: !viewer });
  const { refetch } = query;
  const cache = useMessageCache();
  useOnInboxMessageSubscription(
    { recipientId: viewer?.sub ?? '' },
    {
      skip: !viewer,
      onData: ({ onInboxMessage }) => {
        if (onInboxMessage) cache.applyMessage(onInboxMessage);
        // The viewer's own messages reach the inbox too; only someone else's can be unread.
        if (onInboxMessage && onInboxMessage.senderId !== viewer?.sub) void refetch();
      },
    },
  );
  useOnRealtimeResume(() => {
    if (viewer) void refetch();
  });
  const unread = viewer ? (query.data?.me.unreadConversationsCount ?? 0) : 0;
  const value = useMemo(() => ({ unread, refresh: () => void refetch() }), [unread, refetch]);
  return <UnreadMessagesContext.Provider value={value}>{children}</UnreadMessagesContext.Provider>;
}

/** The unread-conversation count and a way to re-read it. */
export function useUnreadMessages(): UnreadMessagesState {
  return useContext(UnreadMessagesContext);
}

/** The Messages nav badge, announced with the link's name ("Messages 2 unread"). */
export function UnreadMessagesBadge() {
  return <CountBadge count={useUnreadMessages().unread} />;
}
