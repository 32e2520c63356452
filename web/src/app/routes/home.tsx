import { Navigate } from 'react-router-dom';
import { useSession } from '../../lib/auth/session.tsx';
import { ErrorState, FormMessage, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { Composer } from '../../features/feed/components/composer.tsx';
import { NewItemsBanner } from '../../features/feed/components/new-items-banner.tsx';
import { useLiveHomeFeed } from '../../features/feed/hooks/use-live-home-feed.ts';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { usePageTitle } from './page-title.ts';
import { Icon } from '../../components/ui/icon.tsx';
import { LiveUser } from '../../lib/live-users/live-users.tsx';

/** Home: composer and the live home feed for signed-in users; guests go to Explore. */
export default function HomeRoute() {
  const session = useSession();
  usePageTitle('Home');
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'guest') return <Navigate to="/explore" replace />;
  return <HomeFeed viewerId={session.user.sub} />;
}

function HomeFeed({ viewerId }: { viewerId: string }) {
  const feed = useLiveHomeFeed(viewerId);
  const { query } = feed;
  return (
    <>
      <h1 className="page-title">Home</h1>
      <Composer onPosted={feed.addOwn} />
      <NewItemsBanner count={feed.pending} onShow={feed.showPending} />
      {feed.liveError && <FormMessage kind="info">Live updates are unavailable right now; reload the page to retry.</FormMessage>}
      {query.loading && !query.data && <Loading label="Loading your feed…" />}
      {query.error && !query.data && <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />}
      {query.data && (
        <CrudList
          label="Home feed"
          entries={feed.items.map((i) => {
            const viewerRepost = i.reason === 'REPOST' && i.repostedBy?.id === viewerId;
            return {
              key: i.id,
              crud: i.crud,
              viewerRepost,
              context: viewerRepost ? (
                <>
                  <Icon name="repost" size={14} /> You reposted
                </>
              ) : i.reason === 'REPOST' && i.repostedBy ? (
                <>
                  <Icon name="repost" size={14} /> <LiveUser user={i.repostedBy}>{(u) => u.displayName}</LiveUser> reposted
                </>
              ) : undefined,
            };
          })}
          hasMore={query.hasMore}
          loadingMore={query.fetchingMore}
          onLoadMore={query.loadMore}
          onDeleted={feed.removeCrud}
          empty="Nothing here yet. Post your first crud, or follow people from Explore."
        />
      )}
    </>
  );
}
