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

/**
 * The items of a list that have not expired, re-rendering when the next one does, so a list can
 * drop expired entries (and show its empty state when none are left).
 */
export function useUnexpired<T>(items: T[], expiresAt: (item: T) => string | null | undefined): T[] {
  const [, setTick] = useState(0);
  const at = (item: T) => Date.parse(expiresAt(item) ?? '');
  const live = items.filter((item) => Number.isNaN(at(item)) || !clock.expired(at(item)));
  const next = Math.min(...live.map(at).filter((t) => !Number.isNaN(t)));
  useEffect(() => (Number.isFinite(next) ? clock.at(next, () => setTick((t) => t + 1)) : undefined), [next]);
  return live;
}
