/// <reference types="vite/client" />

declare module 'virtual:amplify-outputs' {
  /** amplify_outputs.json as read at build/serve time; see web/vite-plugin-amplify-outputs.ts. */
  const value: { outputs: unknown; path: string; problem: string | null };
  export default value;
}
