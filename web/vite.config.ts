import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { amplifyOutputs } from './vite-plugin-amplify-outputs.ts';
import { allowedHostsFromEnv } from '../local/src/host-check/host-check.ts';

// The dev server's DNS-rebinding guard takes the same ALLOWED_HOSTS as the offline stack (same
// syntax: names, `.domain` patterns, `*` for any). Vite itself always admits localhost,
// *.localhost and IP literals; see docs/web.md.
const allowedHosts = allowedHostsFromEnv();
const hostOptions = { allowedHosts: allowedHosts === true ? (true as const) : [...allowedHosts] };

// The web app reads its configuration only from amplify_outputs.json (see docs/web.md), so the
// same build talks to the offline stack or to AWS. Routes are split with React.lazy.
export default defineConfig({
  plugins: [react(), amplifyOutputs()],
  server: { port: Number(process.env.WEB_PORT ?? 5173), strictPort: true, ...hostOptions },
  preview: hostOptions,
  build: {
    target: 'es2022',
    sourcemap: true,
    // scripts/bundle-size.mjs reads the manifest to sum what the first page load needs.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
});
