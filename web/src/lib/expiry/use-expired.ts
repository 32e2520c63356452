import { useEffect, useState } from 'react';
import { ExpiryClock } from './expiry-clock.ts';

const clock = new ExpiryClock();

/**
 * True once `iso` (a crud's expiresAt) has passed; the component re-renders at that moment, so
 * an expired crud leaves the screen when it expires rather than at the next reload.
 */
export function useExpired(iso: string | null | undefined): boolean {
  const at = iso ? Date.parse(iso) : NaN;
  const [expired, setExpired] = useState(() => !Number.isNaN(at) && clock.expired(at));
  const [watched, setWatched] = useState(at);
  if (watched !== at && !(Number.isNaN(watched) && Number.isNaN(at))) {
    setWatched(at);
    setExpired(!Number.isNaN(at) && clock.expired(at));
  }
  useEffect(() => clock.at(at, () => setExpired(true)), [at]);
  return expired;
}
