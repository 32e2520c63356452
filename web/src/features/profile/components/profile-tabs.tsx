import { NavLink } from 'react-router-dom';

/** The profile's sections as links (each has its own URL): Cruds, Replies, and Likes on one's own profile. */
export function ProfileTabs({ handle, self }: { handle: string; self: boolean }) {
  const tabs = [
    { to: `/@${handle}`, label: 'Cruds' },
    { to: `/@${handle}/replies`, label: 'Replies' },
    // Likes are private (as on X and Mastodon): the tab exists only for their owner.
    ...(self ? [{ to: `/@${handle}/likes`, label: 'Likes' }] : []),
  ];
  return (
    <nav className="profile-tabs" aria-label="Profile sections">
      {tabs.map((t) => (
        <NavLink key={t.to} to={t.to} end>
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** Followers / Following switch above a follow list. */
export function FollowTabs({ handle }: { handle: string }) {
  return (
    <nav className="profile-tabs" aria-label="Follow lists">
      <NavLink to={`/@${handle}/followers`} end>
        Followers
      </NavLink>
      <NavLink to={`/@${handle}/following`} end>
        Following
      </NavLink>
    </nav>
  );
}
