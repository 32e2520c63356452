import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useFollowMutation, useUnfollowMutation } from '../../../graphql/operations.ts';
import type { ProfileFieldsFragment } from '../../../graphql/types.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { useViewer } from '../../../lib/auth/session.tsx';
import { useSignInPrompt } from '../../../lib/auth/use-sign-in-prompt.ts';
import { describeApiError, type ApiError } from '../../../lib/graphql/index.ts';
import { useLiveUser } from '../hooks/use-live-user.ts';
import { EditProfileForm } from './edit-profile-form.tsx';
import { ProfileSafetyActions } from './profile-safety-actions.tsx';

/** Banner, avatar, names, bio, counts and the viewer's actions (follow, message, edit); says so when the account blocks the viewer. */
export function ProfileHeader({ profile, onChange }: { profile: ProfileFieldsFragment; onChange(p: ProfileFieldsFragment): void }) {
  const viewer = useViewer();
  const promptSignIn = useSignInPrompt();
  const follow = useFollowMutation();
  const unfollow = useUnfollowMutation();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const busy = follow.loading || unfollow.loading;
  // The server refuses a follow or message to an account that blocks the viewer (docs/safety.md).
  const blockedBy = profile.viewerIsBlockedBy === true;
  // Name, bio and avatar changes (a new avatar from the thumbnailer) arrive live for every viewer.
  useLiveUser(profile.id, (change) => onChange({ ...profile, ...change }));

  async function toggleFollow() {
    if (!viewer) {
      promptSignIn(`Sign in to follow @${profile.handle}.`);
      return;
    }
    setError(undefined);
    try {
      const updated = profile.viewerFollows
        ? (await unfollow.mutate({ handle: profile.handle })).unfollow
        : (await follow.mutate({ handle: profile.handle })).follow;
      onChange(updated);
    } catch (err) {
      setError(describeApiError(err as ApiError));
    }
  }

  return (
    <section className="profile-header" aria-labelledby="profile-name">
      <div className="profile-banner" aria-hidden="true" />
      <div className="profile-top">
        <Avatar url={profile.avatarUrl} name={profile.displayName} handle={profile.handle} size={96} />
        <div className="profile-actions">
          {profile.viewerIsSelf ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit profile
            </Button>
          ) : (
            <>
              {viewer && !blockedBy && (
                <Link className="btn btn-secondary" to={`/messages/new/${profile.handle}`}>
                  Message
                </Link>
              )}
              {!profile.viewerBlocks && !blockedBy && (
                <Button variant={profile.viewerFollows ? 'secondary' : 'primary'} busy={busy} onClick={() => void toggleFollow()} aria-pressed={viewer ? profile.viewerFollows === true : undefined}>
                  {profile.viewerFollows ? 'Unfollow' : 'Follow'}
                </Button>
              )}
              {viewer && <ProfileSafetyActions profile={profile} onChange={onChange} />}
            </>
          )}
        </div>
      </div>
      <h1 id="profile-name" className="profile-name">
        {profile.displayName}
      </h1>
      <p className="handle">
        @{profile.handle}
        {profile.followsViewer && <span className="badge-soft"> Follows you</span>}
      </p>
      {profile.bio && <p className="profile-bio">{profile.bio}</p>}
      <ul className="profile-counts" aria-label="Counts">
        <li>
          <strong>{profile.crudsCount}</strong> Cruds
        </li>
        <li>
          <Link to={`/@${profile.handle}/following`}>
            <strong>{profile.followingCount}</strong> Following
          </Link>
        </li>
        <li>
          <Link to={`/@${profile.handle}/followers`}>
            <strong>{profile.followersCount}</strong> Followers
          </Link>
        </li>
      </ul>
      {blockedBy && (
        <FormMessage kind="info">
          @{profile.handle} blocks you: you can’t follow them, message them or see their cruds.
        </FormMessage>
      )}
      {error && <FormMessage kind="error">{error}</FormMessage>}
      {editing && (
        <EditProfileForm
          profile={profile}
          onClose={() => setEditing(false)}
          onSaved={(p) => {
            onChange(p);
            setEditing(false);
          }}
        />
      )}
    </section>
  );
}
