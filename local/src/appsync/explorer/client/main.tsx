/**
 * The explorer page: GraphiQL against the offline endpoint, a bar to choose who to act as
 * (`./auth-bar.tsx`), and an Examples pane with the app's operations (`./examples.tsx`). The
 * token is sent as `Authorization` unless the Headers tab sets one; subscriptions run over
 * AppSync's real-time protocol (`./fetcher.ts`). Bundled by esbuild from npm packages; nothing
 * is fetched from a CDN.
 */
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './explorer.css';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExplorerConfig } from '../config.ts';
import { AuthBar } from './auth-bar.tsx';
import { ExamplesContext, examplesPlugin } from './examples.tsx';
import { createExplorerFetcher } from './fetcher.ts';
import { loadSession, saveSession, type Session } from './session.ts';
import { signIn } from './sign-in.ts';
import { useCaller } from './use-caller.ts';

const config = JSON.parse(document.getElementById('explorer-config')!.textContent!) as ExplorerConfig;
const graphqlUrl = new URL(config.graphqlUrl, location.href).toString();
const plugins = config.examples?.length ? [examplesPlugin] : [];

/**
 * Opens the Examples pane once GraphiQL is up. Only its sidebar button opens a pane fully: a
 * pane made visible through the `visiblePlugin` prop or restored from storage stays collapsed
 * (GraphiQL 4.1 sizes panes on first render), so the stored choice is dropped and the button used.
 */
localStorage.removeItem('graphiql:visiblePlugin');
function useExamplesOpenAtStart() {
  useEffect(() => {
    if (!plugins.length) return;
    // GraphiQL renders its sidebar after its own first effects; wait for the button.
    const started = Date.now();
    const timer = setInterval(() => {
      const button = document.querySelector<HTMLButtonElement>(`.graphiql-sidebar button[aria-label="Show ${examplesPlugin.title}"]`);
      if (button) button.click();
      if (button || Date.now() - started > 10_000) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, []);
}

function App() {
  const [session, setSessionState] = useState<Session>(() => loadSession(config.guest?.token));
  const setSession = (next: Session) => {
    saveSession(next);
    setSessionState(next);
  };
  // A listed account signs in afresh on load: a stored token may have expired.
  const [initial] = useState(session);
  useEffect(() => {
    const { choice } = initial;
    const user = choice.kind === 'listed' ? config.demoUsers?.find((u) => u.email === choice.email) : undefined;
    if (user && config.cognito) void signIn(config.cognito.endpoint, config.cognito.clientId, user.email, user.password).then((token) => setSession({ choice, token }), () => undefined);
  }, [initial]);
  useExamplesOpenAtStart();
  const caller = useCaller(config, graphqlUrl, session.token);
  const fetcher = useMemo(() => createExplorerFetcher({ graphqlUrl: config.graphqlUrl, base: location.href, token: session.token }), [session.token]);
  const examples = useMemo(() => ({ examples: config.examples ?? [], note: config.examplesNote, caller }), [caller]);
  return (
    <div className="explorer">
      <AuthBar config={config} session={session} caller={caller} onSession={setSession} />
      <div className="graphiql-host">
        <ExamplesContext.Provider value={examples}>
          <GraphiQL fetcher={fetcher} defaultQuery={config.defaultQuery} plugins={plugins} shouldPersistHeaders />
        </ExamplesContext.Provider>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
