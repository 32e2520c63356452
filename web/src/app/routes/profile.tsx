import { useUserCrudsInfiniteQuery, useUserProfileQuery } from '../../graphql/operations.ts';
import { EmptyState, ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { ProfileHeader } from '../../features/profile/components/profile-header.tsx';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { usePageTitle } from './page-title.ts';

/** `/@handle`: profile header and the user's cruds (open to guests). */
export default function ProfileRoute({ handle }: { handle: string }) {
  const profile = useUserProfileQuery({ handle });
  const cruds = useUserCrudsInfiniteQuery({ handle, limit: 20 });
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
  return (
    <>
      <ProfileHeader
        profile={user}
        onChange={(p) => {
          profile.updateData(() => ({ user: p }));
          // A renamed author shows on every crud card below.
          if (p.viewerIsSelf && p.displayName !== user.displayName) void cruds.refetch();
        }}
      />
      <h2 className="section-title">Cruds</h2>
      {cruds.loading && !cruds.data && <Loading label="Loading cruds…" />}
      {cruds.error && !cruds.data && <ErrorState message={describeApiError(cruds.error)} onRetry={() => void cruds.refetch()} />}
      {cruds.data && (
        <CrudList
          label={`Cruds by @${user.handle}`}
          entries={cruds.items.map((c) => ({ key: c.id, crud: c }))}
          hasMore={cruds.hasMore}
          loadingMore={cruds.fetchingMore}
          onLoadMore={cruds.loadMore}
          onDeleted={(id) => cruds.updateItems((items) => items.filter((c) => c.id !== id))}
          empty={`@${user.handle} has no live cruds.`}
        />
      )}
    </>
  );
}
