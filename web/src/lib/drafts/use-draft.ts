import { useCallback, useEffect, useState } from 'react';

/** Session-storage keys of drafts share this prefix, so they never collide with Amplify's keys. */
const PREFIX = 'cruddur.draft.';

function read(key: string): string {
  try {
    return sessionStorage.getItem(PREFIX + key) ?? '';
  } catch {
    // Storage can be disabled (privacy modes); the draft then lives only in memory.
    return '';
  }
}

function write(key: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(PREFIX + key, text);
    else sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Quota or disabled storage: losing a draft on reload is the only consequence.
  }
}

/**
 * A text draft kept in session storage under `key` (e.g. `composer`, `reply:<crudId>`,
 * `dm:<conversationId>`), so a dev-server reload or a backend restart that reloads the tab loses
 * nothing. Session storage is per tab and ends with it: a draft never leaks to another tab or
 * outlives the session. `clear()` after a successful send.
 */
export function useDraft(key: string): [text: string, setText: (text: string) => void, clear: () => void] {
  const [state, setState] = useState(() => ({ key, text: read(key) }));
  // A new key (another conversation or crud) starts from that key's own draft.
  const text = state.key === key ? state.text : read(key);
  useEffect(() => {
    if (state.key !== key) setState({ key, text: read(key) });
  }, [key, state.key]);

  const setText = useCallback(
    (next: string) => {
      write(key, next);
      setState({ key, text: next });
    },
    [key],
  );
  const clear = useCallback(() => setText(''), [setText]);
  return [text, setText, clear];
}
