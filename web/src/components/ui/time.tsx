import { useEffect, useState } from 'react';
import { absoluteTime, relativeAge, timeLeft } from '../../lib/time.ts';
import { Icon } from './icon.tsx';

const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** Current time, refreshed every 30 s by one shared timer for all mounted times. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    listeners.add(setNow);
    timer ??= setInterval(() => {
      const t = Date.now();
      for (const l of listeners) l(t);
    }, 30_000);
    return () => {
      listeners.delete(setNow);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return now;
}

/** "5m" with the absolute time on hover and in the accessible name. */
export function RelativeTime({ iso, full = false }: { iso: string; full?: boolean }) {
  const now = useNow();
  const abs = absoluteTime(iso);
  return (
    <time dateTime={iso} title={abs} aria-label={abs}>
      {full ? abs : relativeAge(iso, now)}
    </time>
  );
}

/** Time until a crud expires ("6d left"). */
export function TimeLeft({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time className="time-left" dateTime={iso} title={`Expires ${absoluteTime(iso)}`}>
      <Icon name="timer" size={14} /> 
      {timeLeft(iso, now)}
    </time>
  );
}
