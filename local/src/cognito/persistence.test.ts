/** Users, sessions and keys survive a restart; users hold only hashes and verifiers, the outbox the codes it showed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callCognito } from './client.ts';
import { startCognito, type CognitoHandle } from './index.ts';
import { createUser, decodeJwt, goodPassword, passwordSignIn } from './testing/helpers.ts';
import { userPool as cruddurPool } from '../../../definitions/user-pool.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('persistence under the data dir', () => {
  it('keeps users, refresh tokens, revocations and keys across a restart', async () => {
    const first = await startCognito({ definition: cruddurPool, dataDir, print: false });
    const sub = await createUser(first, 'keep@example.com', 'keeper');
    const kept = await passwordSignIn(first, 'keep@example.com');
    const revoked = await passwordSignIn(first, 'keep@example.com');
    await callCognito(first.url, 'RevokeToken', { ClientId: first.clientId, Token: revoked.RefreshToken });
    await callCognito(first.url, 'SignUp', { ClientId: first.clientId, Username: 'later@example.com', Password: goodPassword, UserAttributes: [{ Name: 'name', Value: 'L' }, { Name: 'preferred_username', Value: 'later' }] });
    const jwksBefore = await (await fetch(first.jwksUri)).json();
    const port = Number(new URL(first.url).port);
    await first.close();

    const dir = path.join(dataDir, 'cognito', first.userPoolId);
    expect(fs.statSync(path.join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    const state = fs.readFileSync(path.join(dir, 'state.json'), 'utf8');
    expect(state).not.toContain(goodPassword);
    expect(state).not.toContain(kept.RefreshToken);
    expect(state).toContain('scrypt$');
    // Only the owner may read the pool: the outbox keeps the codes it "emailed" in plain text.
    expect(fs.statSync(path.join(dir, 'state.json')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(state) as { users: Record<string, { attributes: { email: string }; codes: { signup?: Record<string, unknown> } }>; outbox: { to: string; code: string }[] };
    const code = stored.outbox.find((m) => m.to === 'later@example.com')!.code;
    const pending = Object.values(stored.users).find((u) => u.attributes.email === 'later@example.com')!;
    expect(Object.keys(pending.codes.signup!).sort()).toEqual(['expiresAt', 'failedAttempts', 'hash']);
    expect(JSON.stringify(pending)).not.toContain(code);

    // Same port: the issuer (and so the old access token's iss) stays valid.
    const second = await startCognito({ definition: cruddurPool, dataDir, port, print: false });
    try {
      expect(await (await fetch(second.jwksUri)).json()).toEqual(jwksBefore);
      const user = await callCognito<{ Username: string }>(second.url, 'GetUser', { AccessToken: kept.AccessToken });
      expect(user.Username).toBe(sub);
      const refreshed = await callCognito<{ AuthenticationResult: { IdToken: string } }>(second.url, 'GetTokensFromRefreshToken', { ClientId: second.clientId, RefreshToken: kept.RefreshToken });
      expect(decodeJwt(refreshed.AuthenticationResult.IdToken).payload.sub).toBe(sub);
      await expect(callCognito(second.url, 'GetTokensFromRefreshToken', { ClientId: second.clientId, RefreshToken: revoked.RefreshToken })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
      await passwordSignIn(second, 'keep@example.com');
      // The code sent before the restart still confirms (the outbox persisted too).
      await callCognito(second.url, 'ConfirmSignUp', { ClientId: second.clientId, Username: 'later@example.com', ConfirmationCode: await second.outbox.latest('later@example.com') });
    } finally {
      await second.close();
    }
  });

  it('an expired code gets ExpiredCodeException', async () => {
    const c = await startCognito({ definition: cruddurPool, dataDir, print: false });
    await callCognito(c.url, 'SignUp', { ClientId: c.clientId, Username: 'old@example.com', Password: goodPassword, UserAttributes: [{ Name: 'name', Value: 'O' }, { Name: 'preferred_username', Value: 'oldie' }] });
    const code = await c.outbox.latest('old@example.com');
    await c.close();
    // Age the stored code by a day (codes last 24 hours), as if the user came back tomorrow.
    const file = path.join(dataDir, 'cognito', c.userPoolId, 'state.json');
    const state = JSON.parse(fs.readFileSync(file, 'utf8'));
    const user = Object.values(state.users as Record<string, { attributes: { email: string }; codes: { signup: { expiresAt: number } } }>).find((u) => u.attributes.email === 'old@example.com')!;
    user.codes.signup.expiresAt = Date.now() - 1;
    fs.writeFileSync(file, JSON.stringify(state));
    const again = await startCognito({ definition: cruddurPool, dataDir, print: false });
    try {
      await expect(callCognito(again.url, 'ConfirmSignUp', { ClientId: again.clientId, Username: 'old@example.com', ConfirmationCode: code })).rejects.toMatchObject({
        type: 'ExpiredCodeException',
        message: 'Invalid code provided, please request a code again.',
      });
    } finally {
      await again.close();
    }
  });

  it('an unknown name stays locked across a restart, like a user', async () => {
    const now = Date.now();
    const wrong = (c: CognitoHandle) => passwordSignIn(c, 'never-signed-up@example.com', 'Wrong-Pass-1');
    const first = await startCognito({ definition: cruddurPool, dataDir, print: false, now: () => now });
    for (let i = 0; i < 5; i++) await expect(wrong(first)).rejects.toMatchObject({ message: 'Incorrect username or password.' });
    await first.close();
    const state = fs.readFileSync(path.join(dataDir, 'cognito', first.userPoolId, 'state.json'), 'utf8');
    expect(state).not.toContain('never-signed-up');
    const second = await startCognito({ definition: cruddurPool, dataDir, print: false, now: () => now });
    try {
      await expect(wrong(second)).rejects.toMatchObject({ message: 'Password attempts exceeded' });
    } finally {
      await second.close();
    }
  });
});
