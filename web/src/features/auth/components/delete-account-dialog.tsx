import { useState, type FormEvent } from 'react';
import { useModalDialog } from '../../../components/ui/use-modal-dialog.ts';
import { deleteUser } from 'aws-amplify/auth';
import { useDeleteAccountMutation } from '../../../graphql/operations.ts';
import { DialogActions } from '../../../components/ui/dialog-actions.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { ApiError, describeApiError } from '../../../lib/graphql/index.ts';

/**
 * Deletes the account after the person types their handle: first the profile and handle claim
 * (`deleteAccount`), then the Cognito user (`deleteUser`, which revokes every token and signs out
 * here). A failure between the two leaves a signed-in user without a profile; trying again
 * finishes the Cognito part.
 */
export function DeleteAccountDialog({ handle, onClose, onDeleted }: { handle: string; onClose(): void; onDeleted(): void }) {
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { mutate } = useDeleteAccountMutation();
  const dialog = useModalDialog();
  const confirmed = typed.trim().toLowerCase() === handle.toLowerCase();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    setFailure(null);
    try {
      // NotFound: the profile is already gone (an earlier attempt); the Cognito user remains.
      await mutate({}).catch((err: unknown) => {
        if (!(err instanceof ApiError && err.errorType === 'NotFound')) throw err;
      });
      await deleteUser();
      onDeleted();
    } catch (err) {
      setFailure(err instanceof ApiError ? describeApiError(err) : err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="delete-account-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={onSubmit}>
        <h2 id="delete-account-title">Delete your account</h2>
        <p>Your profile goes and @{handle} becomes free for anyone; you are signed out on every device. This cannot be undone.</p>
        <TextField label={`Type ${handle} to confirm`} name="confirmHandle" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
        {failure && <FormMessage kind="error">{failure}</FormMessage>}
        <DialogActions submit="Delete account" danger busy={busy} disabled={!confirmed} onCancel={onClose} />
      </form>
    </dialog>
  );
}
