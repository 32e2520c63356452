/** util.time (developer guide, "Time helpers in util.time"). */
import { formatEpoch, parseToEpoch } from './java-format.ts';
import { isKnownZone } from './zones.ts';

function zoneOrThrow(zone: string | undefined): string {
  const z = zone ?? 'UTC';
  if (!isKnownZone(z)) throw new Error(`Unknown time-zone ID: ${z}`);
  return z;
}

/**
 * UTC with exactly three fraction digits, as in every example the guide gives
 * ("2018-02-06T19:01:35.749Z"). Fixed width also keeps these strings sortable in sort keys.
 */
export function toIso8601(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function parseIso(text: string): number {
  const s = String(text).trim();
  const withZone = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(s) || !s.includes('T') ? s : `${s}Z`;
  const ms = Date.parse(withZone.length === 10 ? `${withZone}T00:00:00Z` : withZone);
  if (Number.isNaN(ms)) throw new Error(`Text '${text}' could not be parsed as ISO 8601`);
  return ms;
}

export const time = {
  nowISO8601: (): string => toIso8601(Date.now()),
  nowEpochSeconds: (): number => Math.floor(Date.now() / 1000),
  nowEpochMilliSeconds: (): number => Date.now(),
  nowFormatted: (pattern: string, zone?: string): string => formatEpoch(Date.now(), pattern, zoneOrThrow(zone)),
  parseFormattedToEpochMilliSeconds: (text: string, pattern: string, zone?: string): number => parseToEpoch(text, pattern, zoneOrThrow(zone)),
  parseISO8601ToEpochMilliSeconds: (text: string): number => parseIso(text),
  epochMilliSecondsToSeconds: (ms: number): number => Math.floor(Number(ms) / 1000),
  epochMilliSecondsToISO8601: (ms: number): string => toIso8601(Number(ms)),
  epochMilliSecondsToFormatted: (ms: number, pattern: string, zone?: string): string => formatEpoch(Number(ms), pattern, zoneOrThrow(zone)),
};
