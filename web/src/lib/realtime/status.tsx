import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { CONNECTION_STATE_CHANGE, ConnectionState } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';

/** The real-time connection as the UI needs it. */
export interface RealtimeStatus {
  /** The connection dropped and Amplify is reconnecting (events meanwhile are lost: AppSync has no replay). */
  disrupted: boolean;
  /** Increments each time the connection comes back after a disruption: re-read what may have been missed. */
  resumed: number;
}

const RealtimeContext = createContext<RealtimeStatus>({ disrupted: false, resumed: 0 });

const DISRUPTED = new Set<string>([ConnectionState.ConnectionDisrupted, ConnectionState.ConnectionDisruptedPendingNetwork]);

/**
 * Follows Amplify's `api` Hub channel (CONNECTION_STATE_CHANGE, "Connection state" in the Amplify
 * v6 GraphQL subscription docs) once for the whole app.
 */
export function RealtimeStatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<RealtimeStatus>({ disrupted: false, resumed: 0 });
  const wasDisrupted = useRef(false);
  useEffect(
    () =>
      Hub.listen('api', ({ payload }) => {
        if (payload.event !== CONNECTION_STATE_CHANGE) return;
        const state = (payload.data as { connectionState?: string } | undefined)?.connectionState ?? '';
        if (DISRUPTED.has(state)) {
          wasDisrupted.current = true;
          setStatus((s) => (s.disrupted ? s : { ...s, disrupted: true }));
        } else if (state === ConnectionState.Connected && wasDisrupted.current) {
          wasDisrupted.current = false;
          setStatus((s) => ({ disrupted: false, resumed: s.resumed + 1 }));
        }
      }),
    [],
  );
  return <RealtimeContext.Provider value={status}>{children}</RealtimeContext.Provider>;
}

/** The shared real-time status. */
export function useRealtimeStatus(): RealtimeStatus {
  return useContext(RealtimeContext);
}

/** Calls `onResume` whenever the real-time connection comes back after a disruption. */
export function useOnRealtimeResume(onResume: () => void): void {
  const { resumed } = useRealtimeStatus();
  const latest = useRef(onResume);
  latest.current = onResume;
  const seen = useRef(resumed);
  useEffect(() => {
    if (resumed === seen.current) return;
    seen.current = resumed;
    latest.current();
  }, [resumed]);
}
