import { useState, type FormEvent } from 'react';
import { useModalDialog } from '../../../components/ui/use-modal-dialog.ts';
import { useUpdateProfileMutation } from '../../../graphql/operations.ts';
import type { ProfileFieldsFragment } from '../../../graphql/types.ts';
import { DialogActions } from '../../../components/ui/dialog-actions.tsx';
import { CharCounter, isSendable } from '../../../components/ui/char-counter.tsx';
import { TEXT_LIMITS } from '../../../../../definitions/text.ts';
import { TextArea, TextField } from '../../../components/ui/field.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { AvatarUploadField } from './avatar-upload-field.tsx';

/** Display name 1–50, bio 0–160 characters (code points); definitions/text.ts. */
export const DISPLAY_NAME_LIMIT = TEXT_LIMITS.displayName;
export const BIO_LIMIT = TEXT_LIMITS.bio;

/** True when the server would save this display name and bio (an empty bio clears it). */
export function canSaveProfile(displayName: string, bio: string): boolean {
  return isSendable(displayName, DISPLAY_NAME_LIMIT) && (bio.trim() === '' || isSendable(bio, BIO_LIMIT));
}

/** Edit display name and bio in a modal dialog (native <dialog>: focus trap and Escape for free). */
export function EditProfileForm({ profile, onClose, onSaved }: { profile: ProfileFieldsFragment; onClose(): void; onSaved(p: ProfileFieldsFragment): void }) {
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [bio, setBio] = useState(profile.bio ?? '');
  const { mutate, loading, error } = useUpdateProfileMutation();
  const dialog = useModalDialog();
  const valid = canSaveProfile(displayName, bio);

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
        {/* No maxLength: browsers count it in UTF-16 units, which would stop 25 emoji short of the limit. */}
        <TextField
          label="Display name"
          name="displayName"
          required
          value={displayName}
          hint={<CharCounter text={displayName} limit={DISPLAY_NAME_LIMIT} />}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextArea label="Bio" id="edit-bio" name="bio" rows={3} value={bio} hint={<CharCounter text={bio} limit={BIO_LIMIT} />} onChange={(e) => setBio(e.target.value)} />
        {error && <FormMessage kind="error">{describeApiError(error)}</FormMessage>}
        <DialogActions submit="Save" busy={loading} disabled={!valid} onCancel={onClose} />
      </form>
    </dialog>
  );
}
