import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import boot from 'virtual:amplify-outputs';
// The real-time adapter (docs/decisions/008): Amplify v6 always opens wss://<api host>/graphql/realtime;
// for an http:// endpoint (offline) it opens ws:// instead. No-op for https:// (AWS).
import { installRealtimeWsAdapter } from '../../local/src/appsync/realtime/browser-ws-adapter.ts';
import { validateOutputs } from './config/outputs.ts';
import { configureAmplify } from './config/configure-amplify.ts';
import { ConfigError } from './app/config-error.tsx';
import { App } from './app/app.tsx';
import './styles/app.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root');
const root = createRoot(rootElement);

const result = boot.problem ? { ok: false as const, errors: [boot.problem] } : validateOutputs(boot.outputs);
if (!result.ok) {
  root.render(<ConfigError path={boot.path} errors={result.errors} />);
} else {
  installRealtimeWsAdapter(result.config.graphqlUrl);
  configureAmplify(boot.outputs, result.config);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
