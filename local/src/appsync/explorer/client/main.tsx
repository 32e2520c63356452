/**
 * The explorer page: GraphiQL against the offline endpoint, plus a bar to sign in as a demo user
 * (local Cognito) or paste a token. The token is sent as `Authorization` unless the Headers tab
 * sets one; subscriptions run over AppSync's real-time protocol (`./fetcher.ts`). Bundled by
 * esbuild from npm packages; nothing is fetched from a CDN.
 */
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExplorerConfig } from '../config.ts';
import { createExplorerFetcher } from './fetcher.ts';
import { signIn } from './sign-in.ts';

const config = JSON.parse(document.getElementById('explorer-config')!.textContent!) as ExplorerConfig;

function AuthBar({ token, setToken }: { token: string; setToken: (t: string) => void }) {
  const [user, setUser] = useState(config.demoUsers?.[0]?.email ?? '');
  const [password, setPassword] = useState(config.demoUsers?.[0]?.password ?? '');
  const [status, setStatus] = useState('');
  const submit = async () => {
    if (!config.cognito) return;
    setStatus('signing in…');
    try {
      setToken(await signIn(config.cognito.endpoint, config.cognito.clientId, user, password));
      setStatus(`signed in as ${user}`);
    } catch (err) {
      setStatus(String((err as Error).message));
    }
  };
  return (
    <form className="auth-bar" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <label>
        Authorization <input value={token} onChange={(e) => setToken(e.target.value)} placeholder="token, guest, or sign in" size={40} />
      </label>
      {config.cognito ? (
        <>
          <input value={user} onChange={(e) => setUser(e.target.value)} placeholder="email" list="demo-users" />
          <datalist id="demo-users">{config.demoUsers?.map((u) => <option key={u.email} value={u.email} />)}</datalist>
          <input value={password} onChange={(e) => setPassword(e.target.value)} type="password" placeholder="password" autoComplete="current-password" />
          <button type="submit">Sign in</button>
        </>
      ) : null}
      <span className="auth-status">{status}</span>
    </form>
  );
}

function App() {
  const [token, setToken] = useState(() => localStorage.getItem('cruddur-explorer-token') ?? 'guest');
  const fetcher = useMemo(() => {
    localStorage.setItem('cruddur-explorer-token', token);
    return createExplorerFetcher({ graphqlUrl: config.graphqlUrl, base: location.href, token });
  }, [token]);
  return (
    <div className="explorer">
      <AuthBar token={token} setToken={setToken} />
      <div className="graphiql-host">
        <GraphiQL fetcher={fetcher} defaultQuery={config.defaultQuery} shouldPersistHeaders />
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
