import { useNavigate } from 'react-router-dom';
import { useSendMessageMutation, useUserProfileQuery } from '../../../graphql/operations.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { useLiveUser } from '../../../lib/live-users/live-users.tsx';
import { MessageForm } from './message-form.tsx';
import { useMessageCache } from '../cache/use-message-cache.ts';

/** Starts (or continues) the one conversation with @handle: the first message creates it. */
export function NewConversation({ handle, onActivity }: { handle: string; onActivity(): void }) {
  const navigate = useNavigate();
  const profile = useUserProfileQuery({ handle });
  const send = useSendMessageMutation();
  const cache = useMessageCache();
  const user = useLiveUser(profile.data?.user);
  if (profile.loading && !profile.data) return <Loading />;
  if (profile.error) return <ErrorState message={describeApiError(profile.error)} onRetry={() => void profile.refetch()} />;
  if (!user) return <EmptyState>There is no @{handle}.</EmptyState>;
  // A conversation needs two people: the server refuses a message to yourself, so offer no form.
  if (profile.data?.user?.viewerIsSelf) return <EmptyState>You can’t send a message to yourself. Open someone’s profile and choose Message.</EmptyState>;

  async function onSend(body: string): Promise<boolean> {
    try {
      const { sendMessage } = await send.mutate({ toHandle: handle, body });
      cache.applyMessage(sendMessage);
      onActivity();
      navigate(`/messages/${sendMessage.conversationId}`, { replace: true });
      return true;
    } catch {
      return false;
    }
  }

  return (
    <section className="conversation-view" aria-labelledby="new-conversation-title">
      <header className="conversation-header">
        <Avatar url={user.avatarUrl} name={user.displayName} handle={user.handle} size={40} />
        <h2 id="new-conversation-title">
          New message to {user.displayName} <span className="handle">@{user.handle}</span>
        </h2>
      </header>
      <div className="message-scroll">
        <EmptyState>Your first message starts the conversation.</EmptyState>
      </div>
      <MessageForm draftKey={`dm:@${handle}`} onSend={onSend} busy={send.loading} error={send.error ? describeApiError(send.error) : undefined} />
    </section>
  );
}
