/** Malformed input to every action gets a 4xx AWS error — never a 500, never a crash. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions } from './actions/index.ts';
import { startCognito, type CognitoHandle } from './index.ts';
import { userPool as cruddurPool } from '../../../definitions/user-pool.ts';

let c: CognitoHandle;
beforeAll(async () => {
  c = await startCognito({ definition: cruddurPool, print: false });
});
afterAll(async () => {
  await c?.close();
});

const junk: unknown[] = [null, 5, 'x', true, [], {}, [{ Name: 5 }], { a: { b: 1 } }, 'a'.repeat(5000)];
const members = ['ClientId', 'Username', 'Password', 'UserAttributes', 'ConfirmationCode', 'AuthFlow', 'AuthParameters', 'ChallengeName', 'ChallengeResponses', 'Session', 'RefreshToken', 'AccessToken', 'AttributeName', 'Code', 'Token', 'UserPoolId', 'ClientMetadata', 'ValidationData', 'PreviousPassword', 'ProposedPassword', 'TemporaryPassword'];

describe('robustness', () => {
  it('answers junk in every member of every action with a 400 and an AWS error body', async () => {
    let calls = 0;
    for (const action of Object.keys(actions)) {
      for (let i = 0; i < junk.length; i++) {
        const body: Record<string, unknown> = {};
        for (const [j, m] of members.entries()) body[m] = junk[(i + j) % junk.length];
        // Keep the client id valid half the time so deeper code paths run.
        if (i % 2 === 0) body.ClientId = c.clientId;
        if (i % 3 === 0) body.UserPoolId = c.userPoolId;
        if (i % 4 === 0) body.AuthFlow = 'USER_SRP_AUTH';
        const res = await fetch(c.url, { method: 'POST', headers: { 'x-amz-target': `AWSCognitoIdentityProviderService.${action}`, 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
        calls++;
        const json = await res.json();
        // RevokeToken of an unknown refresh token is a successful no-op (it is idempotent).
        if (action === 'RevokeToken' && res.status === 200) {
          expect(json).toEqual({});
          continue;
        }
        expect({ action, status: res.status }).toEqual({ action, status: 400 });
        expect(typeof json.__type).toBe('string');
        expect(typeof json.message).toBe('string');
      }
    }
    expect(calls).toBe(Object.keys(actions).length * junk.length);
    // Still serving.
    expect((await fetch(c.jwksUri)).status).toBe(200);
  });

  it('refuses an oversized body without crashing', async () => {
    const res = await fetch(c.url, { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' }, body: 'x'.repeat(2 * 1024 * 1024) }).catch(() => undefined);
    if (res) expect(res.status).toBe(400);
    expect((await fetch(c.jwksUri)).status).toBe(200);
  });
});
