import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useUpdateProfileMutation } from '../../../graphql/operations.ts';
import type { ProfileFieldsFragment } from '../../../graphql/types.ts';
import { DialogActions } from '../../../components/ui/dialog-actions.tsx';
import { CharCounter, charCount } from '../../../components/ui/char-counter.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { AvatarUploadField } from './avatar-upload-field.tsx';

/** Limits from issue 6: display name 1–50, bio ≤ 160. */
export const DISPLAY_NAME_LIMIT = 50;
export const BIO_LIMIT = 160;

/** Edit display name and bio in a modal dialog (native <dialog>: focus trap and Escape for free). */
export function EditProfileForm({ profile, onClose, onSaved }: { profile: ProfileFieldsFragment; onClose(): void; onSaved(p: ProfileFieldsFragment): void }) {
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [bio, setBio] = useState(profile.bio ?? '');
  const { mutate, loading, error } = useUpdateProfileMutation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open && typeof d.showModal === 'function') d.showModal();
  }, []);
  const nameLength = charCount(displayName.trim());
  const valid = nameLength > 0 && nameLength <= DISPLAY_NAME_LIMIT && charCount(bio) <= BIO_LIMIT;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!valid) return;
    try {
      const { updateProfile } = await mutate({ displayName: displayName.trim(), bio: bio.trim() });
      onSaved(updateProfile);
    } catch {
      // shown from `error`
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="edit-profile-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={onSubmit}>
        <h2 id="edit-profile-title">Edit profile</h2>
        <AvatarUploadField currentUrl={profile.avatarUrl} />
        <TextField label="Display name" name="displayName" required maxLength={DISPLAY_NAME_LIMIT} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <div className="field">
          <label htmlFor="edit-bio">Bio</label>
          <textarea id="edit-bio" name="bio" rows={3} value={bio} aria-describedby="edit-bio-count" onChange={(e) => setBio(e.target.value)} />
          <CharCounter id="edit-bio-count" text={bio} limit={BIO_LIMIT} />
        </div>
        {error && <FormMessage kind="error">{describeApiError(error)}</FormMessage>}
        <DialogActions submit="Save" busy={loading} disabled={!valid} onCancel={onClose} />
      </form>
    </dialog>
  );
}
