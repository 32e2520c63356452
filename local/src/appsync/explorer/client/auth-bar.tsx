/**
 * The bar above GraphiQL: pick who to act as (guest, a listed account, another account, or a
 * pasted token), see who that is, and sign out. Picking a listed account signs it in with its
 * own password; "Another account…" starts from empty fields, so no password carries over.
 */
import { useState, type FormEvent } from 'react';
import type { ExplorerConfig } from '../config.ts';
import { guestSession, type Choice, type Session } from './session.ts';
import { signIn } from './sign-in.ts';
import type { CallerState } from './use-caller.ts';

interface Props {
  config: ExplorerConfig;
  session: Session;
  caller: CallerState;
  onSession(session: Session): void;
}

const valueOf = (c: Choice) => (c.kind === 'listed' ? `listed:${c.email}` : c.kind);

function describe(config: ExplorerConfig, session: Session, caller: CallerState, busy: string): string {
  if (busy) return busy;
  if (session.choice.kind === 'guest') return `Guest: ${config.guest?.description ?? (config.guest ? `sending ${config.guest.token} as Authorization.` : 'no credentials sent.')}`;
  if (caller.state === 'loading') return 'Checking the token…';
  if (caller.state === 'refused') return `The API refused this token: ${caller.message}`;
  if (caller.state === 'known') return `Signed in as ${caller.caller.label ? `@${caller.caller.label}` : 'user'} · id ${caller.caller.id}`;
  return 'Sending the token as Authorization.';
}

export function AuthBar({ config, session, caller, onSession }: Props) {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [picked, setPicked] = useState<Choice>(session.choice);

  async function signInAs(choice: Choice, user: string, secret: string) {
    if (!config.cognito) return;
    setBusy(`Signing in as ${user}…`);
    setError('');
    try {
      onSession({ choice, token: await signIn(config.cognito.endpoint, config.cognito.clientId, user, secret) });
    } catch (err) {
      setError(`Sign-in failed: ${(err as Error).message}`);
    } finally {
      setBusy('');
    }
  }

  function pick(value: string) {
    setError('');
    if (value === 'guest') {
      const guest = guestSession(config.guest?.token);
      setPicked(guest.choice);
      onSession(guest);
    } else if (value === 'account') {
      setPicked({ kind: 'account', email: '' });
      setEmail('');
      setPassword('');
    } else if (value === 'token') {
      setPicked({ kind: 'token' });
      onSession({ choice: { kind: 'token' }, token: session.choice.kind === 'guest' ? '' : session.token });
    } else {
      const user = config.demoUsers?.find((u) => `listed:${u.email}` === value);
      if (!user) return;
      const choice: Choice = { kind: 'listed', email: user.email };
      setPicked(choice);
      void signInAs(choice, user.email, user.password);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void signInAs({ kind: 'account', email }, email, password);
  }

  const signedIn = session.choice.kind !== 'guest';
  return (
    <header className="auth-bar">
      <span className="brand">
        GraphQL explorer <small>offline AppSync</small>
      </span>
      <label className="picker">
        <span>Acting as</span>
        <select value={valueOf(picked)} onChange={(e) => pick(e.target.value)} aria-label="Acting as">
          <option value="guest">Guest (signed out)</option>
          {config.cognito && config.demoUsers?.length ? (
            <optgroup label="Demo users">
              {config.demoUsers.map((u) => (
                <option key={u.email} value={`listed:${u.email}`} title={u.email}>
                  {u.label ?? u.email}
                </option>
              ))}
            </optgroup>
          ) : null}
          {config.cognito ? <option value="account">Another account…</option> : null}
          <option value="token">A token I paste…</option>
        </select>
      </label>
      {picked.kind === 'account' ? (
        <form className="credentials" onSubmit={submit}>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="email" autoComplete="username" aria-label="Email" required />
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="password" autoComplete="current-password" aria-label="Password" required />
          <button type="submit">Sign in</button>
        </form>
      ) : null}
      {picked.kind === 'token' ? (
        <input className="token" value={session.token} onChange={(e) => onSession({ choice: { kind: 'token' }, token: e.target.value })} placeholder="Authorization header value" aria-label="Token" />
      ) : null}
      <span className={`auth-status${error || caller.state === 'refused' ? ' problem' : ''}`} role="status">
        {error || describe(config, session, caller, busy)}
      </span>
      {signedIn ? (
        <button type="button" className="sign-out" onClick={() => pick('guest')}>
          Sign out
        </button>
      ) : null}
    </header>
  );
}
