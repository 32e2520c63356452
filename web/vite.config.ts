import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { amplifyOutputs } from './vite-plugin-amplify-outputs.ts';

// The web app reads its configuration only from amplify_outputs.json (see docs/web.md), so the
// same build talks to the offline stack or to AWS. Routes are split with React.lazy.
export default defineConfig({
  plugins: [react(), amplifyOutputs()],
  server: { port: Number(process.env.WEB_PORT ?? 5173), strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    // scripts/bundle-size.mjs reads the manifest to sum what the first page load needs.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
});
