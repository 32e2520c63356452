import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { RequireAuth } from '../require-auth.tsx';
import { useViewer } from '../../lib/auth/session.tsx';
import { ConversationList } from '../../features/messages/components/conversation-list.tsx';
import { ConversationView } from '../../features/messages/components/conversation-view.tsx';
import { NewConversation } from '../../features/messages/components/new-conversation.tsx';
import { useUnreadMessages } from '../../features/messages/components/unread-messages.tsx';
import { EmptyState } from '../../components/ui/states.tsx';
import { usePageTitle } from './page-title.ts';

/** /messages, /messages/:conversationId and /messages/new/:handle: inbox beside the open conversation. */
export default function MessagesRoute() {
  usePageTitle('Messages');
  return (
    <RequireAuth notice="Sign in to read your messages.">
      <Messages />
    </RequireAuth>
  );
}

function Messages() {
  const viewer = useViewer();
  const { conversationId, handle } = useParams();
  const { refresh } = useUnreadMessages();
  // Reading or sending changes the nav's unread badge (the inbox itself follows the message cache).
  const bump = useCallback(() => refresh(), [refresh]);
  if (!viewer) return null;
  const open = Boolean(conversationId || handle);
  return (
    <div className={`messages-layout${open ? ' has-open' : ''}`}>
      <div className="messages-inbox">
        <h1 className="page-title">Messages</h1>
        <ConversationList />
      </div>
      <div className="messages-pane">
        {conversationId ? (
          <ConversationView key={conversationId} conversationId={conversationId} viewerId={viewer.sub} onActivity={bump} />
        ) : handle ? (
          <NewConversation key={handle} handle={handle.replace(/^@/, '')} onActivity={bump} />
        ) : (
          <EmptyState>Select a conversation, or start one from someone’s profile.</EmptyState>
        )}
      </div>
    </div>
  );
}
