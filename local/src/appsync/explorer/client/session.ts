/**
 * Who the explorer acts as: a guest, a listed account (signed in with its stored password), an
 * account typed in, or a pasted token. Kept in localStorage so a reload keeps the choice; a listed
 * account signs in afresh on load, so an expired token never lingers.
 */
export type Choice = { kind: 'guest' } | { kind: 'listed'; email: string } | { kind: 'account'; email: string } | { kind: 'token' };

export interface Session {
  choice: Choice;
  /** The `Authorization` value sent: `guest`, an access token, or what was pasted. */
  token: string;
}

const KEY = 'cruddur-explorer-session';
/** The signed-out session: the app's guest token, or no credential at all. */
export const guestSession = (guestToken = ''): Session => ({ choice: { kind: 'guest' }, token: guestToken });

export function loadSession(guestToken?: string): Session {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    if (value && typeof value.token === 'string' && value.choice && typeof value.choice.kind === 'string') return value;
  } catch {
    // a corrupt entry falls back to guest
  }
  return guestSession(guestToken);
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}
