import { useOnUserChangedSubscription } from '../../../graphql/operations.ts';
import type { OnUserChangedSubscription } from '../../../graphql/types.ts';

export type UserChange = NonNullable<OnUserChangedSubscription['onUserChanged']>;

/**
 * Follows a user's public profile fields live (onUserChanged: display name, bio, avatar), e.g. a
 * new avatar once the thumbnailer has made it. Guests may watch too.
 */
export function useLiveUser(id: string | undefined, onChange: (change: UserChange) => void): void {
  useOnUserChangedSubscription(
    { id: id ?? '' },
    {
      skip: !id,
      onData: (data) => {
        if (data.onUserChanged) onChange(data.onUserChanged);
      },
    },
  );
}
