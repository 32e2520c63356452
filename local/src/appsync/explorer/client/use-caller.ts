/**
 * Asks the API who the token belongs to (the app's `caller.query`, e.g. `{ me { id handle } }`),
 * so examples can fill in the caller's own id. Guests have none.
 */
import { useEffect, useState } from 'react';
import type { ExplorerConfig } from '../config.ts';

export interface Caller {
  id: string;
  label?: string;
}

export type CallerState = { state: 'guest' } | { state: 'loading' } | { state: 'known'; caller: Caller } | { state: 'refused'; message: string };

const at = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);

export function useCaller(config: ExplorerConfig, graphqlUrl: string, token: string): CallerState {
  const [state, setState] = useState<CallerState>({ state: 'guest' });
  useEffect(() => {
    const spec = config.caller;
    if (!spec || !token || token === config.guest?.token) {
      setState({ state: 'guest' });
      return;
    }
    let live = true;
    setState({ state: 'loading' });
    fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: token }, body: JSON.stringify({ query: spec.query }) })
      .then((res) => res.json() as Promise<{ data?: unknown; errors?: { message: string }[] }>)
      .then((body) => {
        const id = at(body.data, spec.idPath);
        if (typeof id !== 'string') throw new Error(body.errors?.[0]?.message ?? 'the API did not say who this token belongs to');
        const label = spec.labelPath ? at(body.data, spec.labelPath) : undefined;
        if (live) setState({ state: 'known', caller: { id, label: typeof label === 'string' ? label : undefined } });
      })
      .catch((err: Error) => live && setState({ state: 'refused', message: err.message }));
    return () => {
      live = false;
    };
  }, [config.caller, config.guest, graphqlUrl, token]);
  return state;
}
