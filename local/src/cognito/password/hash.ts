/**
 * Slow salted password hashes (scrypt from node:crypto) for USER_PASSWORD_AUTH and
 * ChangePassword. Format: `scrypt$N$r$p$<salt b64>$<hash b64>`, so parameters can be raised later.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';

/**
 * Publishes `{ N, r, p }` for every scrypt verification, so a caller (a test, a profiler) can
 * see that a code path did the password-hash work without timing it.
 */
export const passwordVerifyChannel = diagnostics.channel('cruddur.cognito.password-verify');

const cost = { N: 16384, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A stored hash from its salt (16 bytes) and derived key (32 bytes) at the current cost. */
export function formatHash(salt: Buffer, key: Buffer): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return formatHash(salt, await derive(password, salt, cost));
}

/** Constant-time check; false for any malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const expected = Buffer.from(parts[5], 'base64');
  if (passwordVerifyChannel.hasSubscribers) passwordVerifyChannel.publish({ N, r, p });
  const key = await derive(password, Buffer.from(parts[4], 'base64'), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
