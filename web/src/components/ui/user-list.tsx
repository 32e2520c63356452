import { Link } from 'react-router-dom';
import { LiveUser } from '../../lib/live-users/live-users.tsx';
import { Avatar } from './avatar.tsx';

/** What a row of people shows. */
export interface UserListItem {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string | null;
  bio?: string | null;
}

/** People as rows (avatar, name, @handle, bio) linking to their profiles; names and avatars stay live. */
export function UserList({ label, users }: { label: string; users: UserListItem[] }) {
  return (
    <ul className="user-list" aria-label={label}>
      {users.map((fetched) => (
        <LiveUser key={fetched.id} user={fetched}>
          {(u) => (
            <li>
              <Link to={`/@${u.handle}`} className="user-row">
                <Avatar url={u.avatarUrl} name={u.displayName} handle={u.handle} size={40} />
                <span>
                  <span className="display-name">{u.displayName}</span> <span className="handle">@{u.handle}</span>
                  {u.bio && <span className="user-bio">{u.bio}</span>}
                </span>
              </Link>
            </li>
          )}
        </LiveUser>
      ))}
    </ul>
  );
}
