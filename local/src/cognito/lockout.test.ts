/**
 * Cognito's lockout (Developer Guide, "Lockout behavior for failed sign-in attempts"): after 5
 * wrong passwords a lock of 2^(n−5) s. ChangePassword counts toward it too. The pool's clock is
 * injected and moved by hand, so locks are crossed without sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito } from './client.ts';
import { startCognito, type CognitoHandle } from './index.ts';
import { createUser, goodPassword, passwordSignIn } from './testing/helpers.ts';
import { userPool as cruddurPool } from '../../../definitions/user-pool.ts';

let now = Date.now();
let c: CognitoHandle;
beforeAll(async () => {
  c = await startCognito({ definition: cruddurPool, print: false, now: () => now });
});
afterAll(async () => {
  await c?.close();
});

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    const e = err as { type: string; message: string };
    return `${e.type}: ${e.message}`;
  }
}

const wrong = 'NotAuthorizedException: Incorrect username or password.';
const signInLocked = 'NotAuthorizedException: Password attempts exceeded';
const changeLocked = 'LimitExceededException: Attempt limit exceeded, please try after some time.';

describe('ChangePassword lockout', () => {
  it('locks after 5 wrong previous passwords; the right one is refused during the lock and works after it', async () => {
    await createUser(c, 'change@example.com', 'changer');
    const { AccessToken } = await passwordSignIn(c, 'change@example.com');
    const change = (PreviousPassword: string) => outcome(callCognito(c.url, 'ChangePassword', { AccessToken, PreviousPassword, ProposedPassword: 'Next-Pass-2' }));
    for (let i = 0; i < 5; i++) expect(await change('Wrong-Pass-1')).toBe(wrong);
    expect(await change(goodPassword)).toBe(changeLocked);
    // One counter for both: sign-in is locked as well.
    expect(await outcome(passwordSignIn(c, 'change@example.com'))).toBe(signInLocked);
    // Attempts during the lock do not count, so the first lock still lasts 1 s.
    for (let i = 0; i < 20; i++) expect(await change('Wrong-Pass-1')).toBe(changeLocked);
    now += 999;
    expect(await change(goodPassword)).toBe(changeLocked);
    now += 1;
    expect(await change(goodPassword)).toBe('ok');
    expect(await outcome(passwordSignIn(c, 'change@example.com', 'Next-Pass-2'))).toBe('ok');
  });
});

describe('sign-in lockout', () => {
  it('doubles the lock with each further failure, for a user and an unknown name alike', async () => {
    await createUser(c, 'double@example.com', 'doubler');
    const runs: unknown[][] = [];
    for (const name of ['double@example.com', 'double-nobody@example.com']) {
      const run: unknown[] = [];
      const attempt = async (password = 'Wrong-Pass-1') => run.push(await outcome(passwordSignIn(c, name, password)));
      for (let i = 0; i < 5; i++) await attempt();
      for (const seconds of [1, 2, 4, 8]) {
        await attempt(goodPassword);
        now += seconds * 1000 - 1;
        await attempt(goodPassword);
        now += 1;
        await attempt(); // free again, and wrong: the next lock is twice as long
      }
      runs.push(run);
    }
    expect(runs[0]).toEqual([...Array(5).fill(wrong), ...Array(4).fill([signInLocked, signInLocked, wrong]).flat()]);
    expect(runs[1]).toEqual(runs[0]);
  });
});
