import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MessageFieldsFragment } from '../../../graphql/types.ts';
import { useIdentityKey, useViewer } from '../../../lib/auth/session.tsx';
import { applyMessage, applyRead } from './message-cache.ts';

/** The message cache writers bound to the signed-in viewer (no-ops for guests). */
export function useMessageCache() {
  const client = useQueryClient();
  const identity = useIdentityKey();
  const viewerId = useViewer()?.sub;
  return useMemo(
    () => ({
      applyMessage: (m: MessageFieldsFragment) => {
        if (viewerId) applyMessage(client, identity, viewerId, m);
      },
      applyRead: (read: { id: string; unreadCount: number }) => applyRead(client, identity, read),
    }),
    [client, identity, viewerId],
  );
}
