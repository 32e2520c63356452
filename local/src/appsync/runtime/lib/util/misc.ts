/** util.str, util.math and util.http (developer guide: "String helpers", "Math helpers", "HTTP helpers"). */
import { state } from '../state.ts';
import { randomBytes } from './ids.ts';

export const str = {
  normalize(value: string, form: string): string {
    return String(value).normalize(String(form).toUpperCase() as 'NFC');
  },
};

function randomUnit(): number {
  // 53 random bits from the host CSPRNG, like java.util.Random#nextDouble's range [0, 1).
  const b = randomBytes(7);
  let n = 0;
  for (const byte of b) n = n * 256 + byte;
  return (n % 2 ** 53) / 2 ** 53;
}

export const math = {
  /** Rounds half up to the nearest integer (Math.round in Java and JavaScript agree for positives). */
  roundNum: (n: number): number => Math.round(n),
  minVal: (a: number, b: number): number => Math.min(a, b),
  maxVal: (a: number, b: number): number => Math.max(a, b),
  randomDouble: (): number => randomUnit(),
  /** An integer in [start, end). */
  randomWithinRange: (start: number, end: number): number => Math.floor(start + randomUnit() * (end - start)),
};

export const http = {
  /** Copies the request headers except the ones AppSync does not forward (host and hop-by-hop). */
  copyHeaders(headers: Record<string, unknown>): Record<string, unknown> {
    const skip = ['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authorization', 'proxy-authenticate'];
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(headers ?? {})) if (!skip.includes(k.toLowerCase())) out[k] = v;
    return out;
  },
  addResponseHeader(name: string, value: unknown): void {
    state().responseHeaders[String(name)] = typeof value === 'string' ? value : JSON.stringify(value);
  },
  addResponseHeaders(headers: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(headers ?? {})) http.addResponseHeader(k, v);
  },
};
