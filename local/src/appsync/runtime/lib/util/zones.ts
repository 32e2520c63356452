/** Time-zone offsets through Intl (available inside vm contexts), cached per zone. */
const formatters: Record<string, Intl.DateTimeFormat> = {};

export function normalizeZone(zone: string | undefined): string {
  if (zone === undefined || zone === null || zone === '' || zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 'UTC';
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (fixed) {
    // Intl accepts "+HH:MM" offsets from Node 22; express them as minutes below instead.
    return `${fixed[1]}${fixed[2].padStart(2, '0')}:${fixed[3] ?? '00'}`;
  }
  return zone;
}

function fixedOffsetMinutes(zone: string): number | null {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters[zone];
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    formatters[zone] = f;
  }
  return f;
}

/** Offset of `zone` from UTC at the instant `epochMs`, in minutes (east positive). */
export function offsetMinutes(zone: string, epochMs: number): number {
  const z = normalizeZone(zone);
  if (z === 'UTC') return 0;
  const fixed = fixedOffsetMinutes(z);
  if (fixed !== null) return fixed;
  const parts: Record<string, string> = {};
  for (const p of formatter(z).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const asUtc = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return Math.round((asUtc - whole) / 60000);
}

/** Converts a wall-clock time in `zone` (given as if it were UTC) to epoch milliseconds. */
export function wallToEpoch(zone: string, wallAsUtc: number): number {
  let guess = wallAsUtc - offsetMinutes(zone, wallAsUtc) * 60000;
  guess = wallAsUtc - offsetMinutes(zone, guess) * 60000;
  return guess;
}

export function zoneName(zone: string, epochMs: number, style: 'short' | 'long'): string {
  const z = normalizeZone(zone);
  if (z === 'UTC') return style === 'short' ? 'UTC' : 'Coordinated Universal Time';
  if (fixedOffsetMinutes(z) !== null) return z;
  const f = new Intl.DateTimeFormat('en-US', { timeZone: z, timeZoneName: style });
  return f.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? z;
}

export function isKnownZone(zone: string): boolean {
  const z = normalizeZone(zone);
  if (z === 'UTC' || fixedOffsetMinutes(z) !== null) return true;
  try {
    formatter(z);
    return true;
  } catch {
    return false;
  }
}
