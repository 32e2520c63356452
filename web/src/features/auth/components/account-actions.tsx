import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { signOut } from 'aws-amplify/auth';
import { Button } from '../../../components/ui/button.tsx';
import { DeleteAccountDialog } from './delete-account-dialog.tsx';

/**
 * The account menu: sign out here, sign out everywhere (Cognito GlobalSignOut: every device's
 * tokens are refused by the API within the authorizer's TTL, docs/decisions/013-token-revocation.md),
 * delete the account. A native disclosure (`<details>`), so it is one compact control in the phone's
 * bottom bar and needs no focus or keyboard handling of its own.
 */
export function AccountActions({ handle, onDeleted }: { handle: string; onDeleted(): void }) {
  const [deleting, setDeleting] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute('open');
  async function signOutEverywhere() {
    // If the session is already revoked GlobalSignOut fails; signing out here still must happen.
    await signOut({ global: true }).catch(() => signOut());
  }
  return (
    <>
      <details className="account-menu" ref={menu}>
        <summary className="btn btn-ghost">Account</summary>
        <div className="account-menu-items" role="group" aria-label="Account">
          {/* On a phone the bottom bar has no room for these two: the menu holds them there. */}
          <Link className="btn btn-ghost account-menu-phone" to="/bookmarks" onClick={close}>
            Bookmarks
          </Link>
          <Link className="btn btn-ghost account-menu-phone" to="/settings" onClick={close}>
            Settings
          </Link>
          <Button variant="ghost" onClick={() => { close(); void signOut(); }}>
            Sign out
          </Button>
          <Button variant="ghost" onClick={() => { close(); void signOutEverywhere(); }}>
            Sign out everywhere
          </Button>
          <Button variant="ghost" onClick={() => { close(); setDeleting(true); }}>
            Delete account…
          </Button>
        </div>
      </details>
      {deleting && <DeleteAccountDialog handle={handle} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </>
  );
}
