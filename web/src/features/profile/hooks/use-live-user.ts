import type { OnUserChangedSubscription } from '../../../graphql/types.ts';
import { useLiveUserChange } from '../../../lib/live-users/live-users.tsx';

export type UserChange = NonNullable<OnUserChangedSubscription['onUserChanged']>;

/**
 * Follows a user's public profile fields live (onUserChanged: display name, bio, avatar), e.g. a
 * new avatar once the thumbnailer has made it. Guests may watch too. Shares the app-wide live user
 * cache's one subscription per user with every card showing the same person.
 */
export function useLiveUser(id: string | undefined, onChange: (change: UserChange) => void): void {
  useLiveUserChange(id, (change) => onChange({ ...change, bio: change.bio ?? null, avatarUrl: change.avatarUrl ?? null }));
}
