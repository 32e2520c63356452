/** API_KEY mode: the `x-api-key` header against the configured keys; `ctx.identity` is null. */
import { timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig } from './config.ts';
import { authFailures } from './errors.ts';
import type { AuthResult } from './types.ts';

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authenticateApiKey(keys: ApiKeyConfig[], presented: string, now: number = Date.now()): AuthResult {
  const key = keys.find((k) => sameKey(k.id, presented));
  // An unknown and an expired key look alike to the caller, as on AppSync.
  if (!key || key.expires * 1000 <= now) return authFailures.denied();
  return { ok: true, auth: { mode: 'API_KEY', identity: null } };
}
