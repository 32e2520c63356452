import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { amplifyOutputs } from './vite-plugin-amplify-outputs.ts';

// The web app reads its configuration only from amplify_outputs.json (see docs/web.md), so the
// same build talks to the offline stack or to AWS. Routes are split with React.lazy; the vendor
// chunks below keep Amplify (needed on every page) cacheable apart from app code.
export default defineConfig({
  // plugin-react's types resolve against the hoisted vite 8 while web/ runs vite 7 (same plugin API at run time).
  plugins: [react() as unknown as PluginOption, amplifyOutputs()],
  server: { port: Number(process.env.WEB_PORT ?? 5173), strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
});
