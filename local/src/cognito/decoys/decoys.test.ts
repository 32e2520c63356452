import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../password/hash.ts';
import { N } from '../srp/math.ts';
import { PoolStore } from '../store/pool-store.ts';
import { Decoys, maxDecoyRecords } from './decoys.ts';

const decoys = async (secret = randomBytes(32)) => {
  const store = await PoolStore.open(undefined);
  return { store, decoys: new Decoys(secret, store) };
};

describe('decoys for unknown names', () => {
  it('are stable per normalised name and secret, and differ under another secret', async () => {
    const secret = randomBytes(32);
    const [a, b, other] = [(await decoys(secret)).decoys, (await decoys(secret)).decoys, (await decoys()).decoys];
    for (const pick of [(d: Decoys, n: string) => d.srpUserId(n), (d: Decoys, n: string) => JSON.stringify(d.srpVerifier(n)), (d: Decoys, n: string) => d.passwordHash(n)]) {
      expect(pick(b, ' Ghost@Example.com ')).toBe(pick(a, 'ghost@example.com'));
      expect(pick(a, 'ghost2@example.com')).not.toBe(pick(a, 'ghost@example.com'));
      expect(pick(other, 'ghost@example.com')).not.toBe(pick(a, 'ghost@example.com'));
    }
  });

  it('look like the real values: UUID v4, 16-byte salt, verifier below N, an scrypt hash nothing matches', async () => {
    const { decoys: d } = await decoys();
    expect(d.srpUserId('x@example.com')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const { salt, verifier } = d.srpVerifier('x@example.com');
    expect(BigInt('0x' + salt) < 1n << 128n).toBe(true);
    expect(BigInt('0x' + verifier) < N).toBe(true);
    expect(d.passwordHash('x@example.com')).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('x@example.com', d.passwordHash('x@example.com'))).toBe(false);
  });

  it('keeps one record per name, at most maxDecoyRecords, and prunes idle unlocked ones', async () => {
    const { store, decoys: d } = await decoys();
    const now = Date.now();
    d.record('a@example.com', now).failedSignIns = 3;
    expect(d.record('A@example.com', now).failedSignIns).toBe(3);
    for (let i = 0; i < maxDecoyRecords + 5; i++) d.record(`flood-${i}@example.com`, now);
    expect(store.decoys.size).toBe(maxDecoyRecords);
    expect(d.record('a@example.com', now).failedSignIns).toBe(0); // the oldest went first

    const locked = d.record('locked@example.com', now - 2 * 86400_000);
    locked.lockedUntil = now + 60_000;
    store.prune(now);
    expect(store.decoys.size).toBe(maxDecoyRecords);
    store.prune(now + 2 * 86400_000);
    expect(store.decoys.size).toBe(0);
  });
});
