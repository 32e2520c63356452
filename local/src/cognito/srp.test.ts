/**
 * SRP server edge cases. The happy path is proven by the real Amplify client (amplify.test.ts);
 * here a client built from the same formulas (`../srp/math.ts`) probes what must FAIL:
 * replayed secret blocks, stale timestamps, the wrong user, A ≡ 0.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito } from './client.ts';
import { startCognito, type CognitoHandle } from './index.ts';
import { N, g, modPow, padHex } from './srp/math.ts';
import { formatTimestamp, parseTimestamp } from './srp/timestamp.ts';
import { createUser, goodPassword } from './testing/helpers.ts';
import { srpBegin, srpClaim, srpRespond } from './testing/srp-client.ts';
import { userPool as cruddurPool } from '../../../definitions/user-pool.ts';

let c: CognitoHandle;
beforeAll(async () => {
  c = await startCognito({ definition: cruddurPool, print: false });
  await createUser(c, 'srp@example.com', 'srpuser');
  await createUser(c, 'other@example.com', 'otheruser');
});
afterAll(async () => {
  await c?.close();
});

const begin = (username: string, A?: bigint) => srpBegin(c, username, A);
const claim = (session: Awaited<ReturnType<typeof begin>>, password: string, when?: Date) => srpClaim(c, session, password, when);
const respond = (responses: Record<string, string>) => srpRespond(c, responses);

describe('SRP PASSWORD_VERIFIER', () => {
  it('accepts a correct proof once; a replayed secret block is refused', async () => {
    const session = await begin('srp@example.com');
    const responses = claim(session, goodPassword);
    expect((await respond(responses)).AuthenticationResult?.AccessToken).toBeTruthy();
    await expect(respond(responses)).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses a wrong password, a stale timestamp and another user name', async () => {
    await expect(respond(claim(await begin('srp@example.com'), 'Wrong-Pass-1'))).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    await expect(respond(claim(await begin('srp@example.com'), goodPassword, new Date(Date.now() - 10 * 60_000)))).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    const other = await callCognito<{ Username: string }>(c.url, 'AdminGetUser', { UserPoolId: c.userPoolId, Username: 'other@example.com' }, c.iamCredential);
    await expect(respond({ ...claim(await begin('srp@example.com'), goodPassword), USERNAME: other.Username })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('gives unknown users a stable decoy challenge that never verifies', async () => {
    const one = await begin('nobody@example.com');
    const two = await begin('nobody@example.com');
    expect(one.params.USER_ID_FOR_SRP).toBe(two.params.USER_ID_FOR_SRP);
    expect(one.params.SALT).toMatch(/^[0-9a-f]+$/);
    await expect(respond(claim(one, goodPassword))).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses an oversized SRP_A', async () => {
    await expect(begin('srp@example.com', 1n << 8192n)).rejects.toMatchObject({ type: 'InvalidParameterException', message: 'SRP_A is not valid' });
  });

  it('refuses A ≡ 0 (mod N)', async () => {
    await expect(begin('srp@example.com', N)).rejects.toMatchObject({ type: 'InvalidParameterException' });
    await expect(begin('srp@example.com', 0n)).rejects.toMatchObject({ type: 'InvalidParameterException' });
  });
});

describe('SRP encodings', () => {
  it('pads hex as Amplify does: minimal, even length, 00 before a set top bit', () => {
    expect(padHex(1n)).toBe('01');
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0xabcn)).toBe('0abc');
    expect(padHex(N).length).toBe(770);
  });

  it('formats TIMESTAMP like Amplify getNowString and parses it back', () => {
    const date = new Date(Date.UTC(2026, 10, 3, 5, 7, 9));
    expect(formatTimestamp(date)).toBe('Tue Nov 3 05:07:09 UTC 2026');
    expect(parseTimestamp('Tue Nov 3 05:07:09 UTC 2026')?.getTime()).toBe(date.getTime());
    expect(parseTimestamp('Wed Nov 3 05:07:09 UTC 2026')).toBeUndefined();
    expect(parseTimestamp('Tue Nov 03 05:07:09 UTC 2026')).toBeUndefined();
  });
});

describe('native exponentiation', () => {
  it('matches BigInt modPow for g^e and base^e, including the bases OpenSSL refuses', async () => {
    const { powG, powMod } = await import('./srp/pow.ts');
    for (let i = 0; i < 4; i++) {
      const e = BigInt('0x' + randomBytes(i % 2 ? 32 : 128).toString('hex'));
      const base = BigInt('0x' + randomBytes(384).toString('hex')) % N;
      expect(powG(e)).toBe(modPow(g, e, N));
      expect(powMod(base, e)).toBe(modPow(base, e, N));
    }
    for (const base of [0n, 1n, N - 1n, N, N + 5n]) expect(powMod(base, 12345n)).toBe(modPow(base, 12345n, N));
  });
});
