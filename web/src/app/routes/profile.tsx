import { Link } from 'react-router-dom';
import { useUserProfileQuery } from '../../graphql/operations.ts';
import { EmptyState, ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { ProfileHeader } from '../../features/profile/components/profile-header.tsx';
import { FollowTabs, ProfileTabs } from '../../features/profile/components/profile-tabs.tsx';
import { CrudsSection, LikesSection, PeopleSection, RepliesSection, type ProfileSection } from './profile-sections.tsx';
import { usePageTitle } from './page-title.ts';

/** `/@handle` and its sections (`/replies`, `/likes`, `/followers`, `/following`): open to guests, likes only to their owner. */
export default function ProfileRoute({ handle, section = 'cruds' }: { handle: string; section?: ProfileSection }) {
  const profile = useUserProfileQuery({ handle });
  const user = profile.data?.user;
  usePageTitle(user ? `${user.displayName} (@${user.handle})` : `@${handle}`);
  if (profile.loading && !profile.data) return <Loading label="Loading profile…" />;
  if (profile.error) return <ErrorState message={describeApiError(profile.error)} onRetry={() => void profile.refetch()} />;
  if (!user) {
    return (
      <EmptyState>
        <h1 className="page-title">@{handle}</h1>
        <p>This account does not exist.</p>
      </EmptyState>
    );
  }
  if (section === 'followers' || section === 'following') {
    return (
      <>
        <h1 className="page-title">
          <Link to={`/@${user.handle}`} className="back-link" aria-label={`Back to @${user.handle}`}>
            ←
          </Link>{' '}
          {user.displayName} <span className="handle">@{user.handle}</span>
        </h1>
        <FollowTabs handle={user.handle} />
        <PeopleSection key={section} handle={user.handle} section={section} />
      </>
    );
  }
  return (
    <>
      <ProfileHeader profile={user} onChange={(p) => profile.updateData(() => ({ user: p }))} />
      {/* Their cruds are hidden from a blocked viewer by the server; no empty tabs pretending otherwise. */}
      {user.viewerIsBlockedBy ? null : <ProfileTabs handle={user.handle} self={user.viewerIsSelf} />}
      {/* A renamed author shows on every crud card below: the key re-reads the list. */}
      {!user.viewerIsBlockedBy && section === 'cruds' && <CrudsSection key={user.displayName} handle={user.handle} />}
      {!user.viewerIsBlockedBy && section === 'replies' && <RepliesSection key={user.displayName} handle={user.handle} />}
      {section === 'likes' && (user.viewerIsSelf ? <LikesSection /> : <EmptyState>Likes are private.</EmptyState>)}
    </>
  );
}
