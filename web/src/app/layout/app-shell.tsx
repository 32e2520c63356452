import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router-dom';
import { useSession } from '../../lib/auth/session.tsx';
import { useRealtimeStatus } from '../../lib/realtime/status.tsx';
import { Loading } from '../../components/ui/states.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { TrendingHashtags } from '../../features/explore/components/trending-hashtags.tsx';
import { UnreadBadge } from '../../features/notifications/components/notifications-provider.tsx';
import { UnreadMessagesBadge } from '../../features/messages/components/unread-messages.tsx';
import { UserSearchBox } from '../../features/explore/components/user-search-box.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { useLiveUser } from '../../lib/live-users/live-users.tsx';
import { AccountActions } from '../../features/auth/components/account-actions.tsx';

const navClass = ({ isActive }: { isActive: boolean }) => `nav-link${isActive ? ' active' : ''}`;

/** Navigation, the page, and a sidebar (search + join call-out); collapses to a bottom bar on phones. */
export function AppShell() {
  const session = useSession();
  const signedIn = session.status === 'signedIn' ? session.user : undefined;
  // The viewer's handle follows onUserChanged like every other name on the page.
  const live = useLiveUser(signedIn && { id: signedIn.sub, handle: signedIn.handle, displayName: signedIn.name });
  const user = signedIn && live && { ...signedIn, handle: live.handle };
  const location = useLocation();
  const onExplore = useMatch('/explore') !== null;
  // Conversations take the sidebar's width too (no Trending beside a chat).
  const wide = location.pathname === '/messages' || location.pathname.startsWith('/messages/');
  const realtime = useRealtimeStatus();
  const navigate = useNavigate();
  return (
    <div className={`shell${wide ? ' wide-main' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="nav-column">
        <Link to="/" className="logo">
          Cruddur
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            {user && (
              <li>
                <NavLink to="/" end className={navClass}>
                  <Icon name="home" size={24} /> <span className="nav-label">Home</span>
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/explore" className={navClass}>
                <Icon name="explore" size={24} /> <span className="nav-label">Explore</span>
              </NavLink>
            </li>
            {/* Where the sidebar (and its search box) is hidden: tablets and phones. */}
            <li className="nav-search">
              <NavLink to="/search" className={navClass}>
                <Icon name="search" size={24} /> <span className="nav-label">Search</span>
              </NavLink>
            </li>
            {user && (
              <>
                <li>
                  <NavLink to="/notifications" className={navClass}>
                    <Icon name="bell" size={24} /> <span className="nav-label">Notifications</span>
                    <UnreadBadge />
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/messages" className={navClass}>
                    <Icon name="mail" size={24} /> <span className="nav-label">Messages</span>
                    <UnreadMessagesBadge />
                  </NavLink>
                </li>
                <li className="nav-bookmarks">
                  <NavLink to="/bookmarks" className={navClass}>
                    <Icon name="bookmark" size={24} /> <span className="nav-label">Bookmarks</span>
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/insights" className={navClass}>
                    <Icon name="chart" size={24} /> <span className="nav-label">Insights</span>
                  </NavLink>
                </li>
                <li>
                  {/* The profile and its sections, not one of the user's cruds (`/@h/status/…`). */}
                  <NavLink to={`/@${user.handle}`} end={location.pathname.includes('/status/')} className={navClass}>
                    <Icon name="user" size={24} /> <span className="nav-label">Profile</span>
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="nav-account">
          {user ? (
            <>
              {/* The handle, not the ID token's name: a profile edit changes the display name, not the token. */}
              <p className="nav-user handle">@{user.handle}</p>
              <Link to="/settings" className="nav-settings">
                Settings
              </Link>
              <AccountActions handle={user.handle} onDeleted={() => navigate('/')} />
            </>
          ) : session.status === 'guest' ? (
            <>
              <Link className="btn btn-primary" to="/signup">
                Sign up
              </Link>
              <Link className="btn btn-secondary" to="/signin">
                Sign in
              </Link>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" className="main-column" tabIndex={-1}>
        {realtime.disrupted && (
          <div className="connection-notice" role="status">
            Reconnecting live updates…
          </div>
        )}
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      {!wide && (
      <aside className="side-column" aria-label="Search and more">
        <UserSearchBox />
        {session.status === 'guest' && (
          <section className="panel join" aria-labelledby="join-title">
            <h2 id="join-title">Join the party!</h2>
            <p>Don’t think about it, just crud it! Regret it? No worries, we’ll forget it…</p>
            <Link className="btn btn-primary" to="/signup">
              Join now
            </Link>
          </section>
        )}
        {/* Explore shows trends in the page itself. */}
        {!onExplore && <TrendingHashtags limit={5} />}
      </aside>
      )}
    </div>
  );
}
