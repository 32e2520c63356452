import { useState } from 'react';
import { useBlockMutation, useMuteMutation, useUnblockMutation, useUnmuteMutation } from '../../../graphql/operations.ts';
import type { ProfileFieldsFragment } from '../../../graphql/types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError, type ApiError } from '../../../lib/graphql/index.ts';
import { announceRelationsChanged } from '../../../lib/realtime/relations.ts';

/**
 * Mute / Block on someone else's profile (signed-in viewers). The server enforces both
 * (docs/safety.md); the profile is re-read from the mutation's answer.
 */
export function ProfileSafetyActions({ profile, onChange }: { profile: ProfileFieldsFragment; onChange(p: ProfileFieldsFragment): void }) {
  const block = useBlockMutation();
  const unblock = useUnblockMutation();
  const mute = useMuteMutation();
  const unmute = useUnmuteMutation();
  const [error, setError] = useState<string>();
  const variables = { handle: profile.handle };

  async function run(action: () => Promise<ProfileFieldsFragment>) {
    setError(undefined);
    try {
      onChange(await action());
      announceRelationsChanged();
    } catch (err) {
      setError(describeApiError(err as ApiError));
    }
  }

  function toggleBlock() {
    if (profile.viewerBlocks) return run(async () => (await unblock.mutate(variables)).unblock);
    const ok = window.confirm(`Block @${profile.handle}? They will not be able to follow you, reply to you, message you or see your cruds, and you will no longer follow each other.`);
    return ok ? run(async () => (await block.mutate(variables)).block) : Promise.resolve();
  }

  return (
    <>
      <Button variant="secondary" busy={mute.loading || unmute.loading} aria-pressed={profile.viewerMutes === true}
        onClick={() => void run(async () => (profile.viewerMutes ? (await unmute.mutate(variables)).unmute : (await mute.mutate(variables)).mute))}>
        {profile.viewerMutes ? 'Unmute' : 'Mute'}
      </Button>
      <Button variant={profile.viewerBlocks ? 'secondary' : 'danger'} busy={block.loading || unblock.loading} aria-pressed={profile.viewerBlocks === true} onClick={() => void toggleBlock()}>
        {profile.viewerBlocks ? 'Unblock' : 'Block'}
      </Button>
      {error && <FormMessage kind="error">{error}</FormMessage>}
    </>
  );
}
