import { useState } from 'react';
import { signOut } from 'aws-amplify/auth';
import { Button } from '../../../components/ui/button.tsx';
import { DeleteAccountDialog } from './delete-account-dialog.tsx';

/**
 * Sign out here, sign out everywhere (Cognito GlobalSignOut: every device's tokens are refused by
 * the API within the authorizer's TTL, docs/decisions/013-token-revocation.md), delete the account.
 */
export function AccountActions({ handle, onDeleted }: { handle: string; onDeleted(): void }) {
  const [deleting, setDeleting] = useState(false);
  async function signOutEverywhere() {
    // If the session is already revoked GlobalSignOut fails; signing out here still must happen.
    await signOut({ global: true }).catch(() => signOut());
  }
  return (
    <>
      <Button variant="ghost" onClick={() => void signOut()}>
        Sign out
      </Button>
      <Button variant="ghost" onClick={() => void signOutEverywhere()}>
        Sign out everywhere
      </Button>
      <Button variant="ghost" onClick={() => setDeleting(true)}>
        Delete account…
      </Button>
      {deleting && <DeleteAccountDialog handle={handle} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </>
  );
}
