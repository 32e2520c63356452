import { useSyncExternalStore } from 'react';

/**
 * A counter of this tab's own blocks and mutes. The server ends the viewer's `onCelebrityFeedItem`
 * subscription on a block or mute (subscription invalidation, docs/safety.md), but Amplify v6
 * ignores the `complete` AppSync sends then, so the subscription restarts when this changes.
 */
let epoch = 0;
const listeners = new Set<() => void>();

/** Call after a block, mute or unmute succeeded. */
export function announceRelationsChanged(): void {
  epoch += 1;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current count: pass it as a subscription's `restartKey`. */
export function useRelationsEpoch(): number {
  return useSyncExternalStore(subscribe, () => epoch);
}
