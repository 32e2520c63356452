/**
 * With PreventUserExistenceErrors (definitions/user-pool.ts) an unknown name must look like a
 * user: the same SRP shapes with a salt and id stable per name, the same errors and lockout, the
 * same password-hash work, the same code and delivery answers (Developer Guide, "Managing user
 * existence error responses"). Sign-in goes through the real Amplify client where it can.
 */
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito } from './client.ts';
import { startCognito, type CognitoHandle } from './index.ts';
import { passwordVerifyChannel } from './password/hash.ts';
import { srpProofChannel } from './srp/server.ts';
import { startHarness, type Harness } from './testing/amplify-harness.ts';
import { createUser, goodPassword } from './testing/helpers.ts';
import { srpBegin, srpClaim, srpRespond, type SrpSession } from './testing/srp-client.ts';
import { userPool as cruddurPool } from '../../../definitions/user-pool.ts';

// A clock that stands still: a lock, once set, lasts for the whole file however slow the machine.
const frozen = Date.now();
let h: Harness;
let c: CognitoHandle;
beforeAll(async () => {
  h = await startHarness({ now: () => frozen });
  c = h.cognito;
});
afterAll(async () => {
  await h?.close();
});

/** An action's answer reduced to what a prober can compare: the error, or the output's shape. */
async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    const out = (await promise) as Record<string, unknown>;
    return { ok: out.CodeDeliveryDetails ?? Object.keys(out).sort() };
  } catch (err) {
    const e = err as { type?: string; name: string; message: string };
    return { error: e.type ?? e.name, message: e.message };
  }
}

/** Events published on `channel` while `run` runs. */
async function published(channel: diagnostics.Channel, run: () => Promise<unknown>): Promise<unknown[]> {
  const events: unknown[] = [];
  const listen = (message: unknown) => void events.push(message);
  channel.subscribe(listen);
  try {
    await run().catch(() => undefined);
  } finally {
    channel.unsubscribe(listen);
  }
  return events;
}

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const shape = ({ params }: SrpSession) => ({
  keys: Object.keys(params).sort(),
  userIdIsUuidV4: uuidV4.test(params.USER_ID_FOR_SRP),
  usernameIsUserId: params.USERNAME === params.USER_ID_FOR_SRP,
  // padHex of 16 random bytes: up to 32 digits, `00` first when the top bit is set.
  saltLike16Bytes: /^(00)?[0-9a-f]{2,32}$/.test(params.SALT) && params.SALT.length % 2 === 0,
  bIs3072Bit: /^[0-9a-f]{700,768}$/.test(params.SRP_B),
  secretBlockLength: params.SECRET_BLOCK.length,
});

describe('SRP for an unknown name', () => {
  it('gives the same salt and user id on every attempt, shaped like a known user’s', async () => {
    await createUser(c, 'salt-known@example.com', 'saltknown');
    const known = [await srpBegin(c, 'salt-known@example.com'), await srpBegin(c, 'SALT-KNOWN@example.com')];
    const unknown = [await srpBegin(c, 'salt-nobody@example.com'), await srpBegin(c, 'SALT-NOBODY@example.com')];
    for (const [first, second] of [known, unknown]) {
      expect(second.params.SALT).toBe(first.params.SALT);
      expect(second.params.USER_ID_FOR_SRP).toBe(first.params.USER_ID_FOR_SRP);
      expect(second.params.SRP_B).not.toBe(first.params.SRP_B);
    }
    for (const session of [...known, ...unknown]) expect(shape(session)).toEqual(shape(known[0]));
    expect(unknown[0].params.USER_ID_FOR_SRP).not.toBe(known[0].params.USER_ID_FOR_SRP);
  });

  it('computes the proof as for a known user and fails it with the same error', async () => {
    await createUser(c, 'proof-known@example.com', 'proofknown');
    const answers: unknown[] = [];
    const events: unknown[][] = [];
    for (const name of ['proof-known@example.com', 'proof-nobody@example.com']) {
      const session = await srpBegin(c, name);
      events.push(await published(srpProofChannel, async () => answers.push(await outcome(srpRespond(c, srpClaim(c, session, 'Wrong-Pass-1'))))));
    }
    expect(answers).toEqual([
      { error: 'NotAuthorizedException', message: 'Incorrect username or password.' },
      { error: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    ]);
    expect(events).toEqual([[{ real: true }], [{ real: false }]]);
  });

  it('keeps its salt and id across restarts (secret in the data dir), and another pool’s differ', async () => {
    const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'decoy-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'decoy-b-'))];
    const decoy = async (dir: string) => {
      const pool = await startCognito({ definition: cruddurPool, dataDir: dir, print: false });
      try {
        const { params } = await srpBegin(pool, 'ghost@example.com');
        return { salt: params.SALT, id: params.USER_ID_FOR_SRP, file: path.join(dir, 'cognito', pool.userPoolId, 'decoy-secret.json') };
      } finally {
        await pool.close();
      }
    };
    try {
      const first = await decoy(dirs[0]);
      const again = await decoy(dirs[0]);
      const other = await decoy(dirs[1]);
      expect(again).toEqual(first);
      expect(other.salt).not.toBe(first.salt);
      expect(other.id).not.toBe(first.id);
      expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
    } finally {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sign-in with a wrong password', () => {
  it('USER_PASSWORD_AUTH: byte-identical error responses and the same scrypt work', async () => {
    await createUser(c, 'pw-known@example.com', 'pwknown');
    const answers: unknown[] = [];
    const events: unknown[][] = [];
    for (const USERNAME of ['pw-known@example.com', 'pw-nobody@example.com']) {
      const request = async () => {
        const res = await fetch(c.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
          body: JSON.stringify({ ClientId: c.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: 'Wrong-Pass-1' } }),
        });
        answers.push({ status: res.status, type: res.headers.get('x-amzn-errortype'), message: res.headers.get('x-amzn-errormessage'), body: await res.text() });
      };
      events.push(await published(passwordVerifyChannel, request));
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 400, body: '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}' });
    expect(events).toEqual([[{ N: 16384, r: 8, p: 1 }], [{ N: 16384, r: 8, p: 1 }]]);
  });

  it('Amplify (SRP): an unknown name locks after the same 5 failures as a user, with the same errors', async () => {
    await createUser(c, 'lock-known@example.com', 'lockknown');
    const runs: unknown[][] = [];
    for (const username of ['lock-known@example.com', 'lock-nobody@example.com']) {
      const run: unknown[] = [];
      for (let i = 0; i < 6; i++) run.push(await outcome(signIn({ username, password: 'Wrong-Pass-1' })));
      run.push(await outcome(signIn({ username, password: goodPassword })));
      runs.push(run);
    }
    const wrong = { error: 'NotAuthorizedException', message: 'Incorrect username or password.' };
    const locked = { error: 'NotAuthorizedException', message: 'Password attempts exceeded' };
    expect(runs[0]).toEqual([wrong, wrong, wrong, wrong, wrong, locked, locked]);
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('codes for an unknown name', () => {
  const clientId = () => c.clientId;
  const forgot = (Username: string) => callCognito(c.url, 'ForgotPassword', { ClientId: clientId(), Username });
  const confirmForgot = (Username: string, ConfirmationCode: string) =>
    callCognito(c.url, 'ConfirmForgotPassword', { ClientId: clientId(), Username, ConfirmationCode, Password: 'Brand-New-3' });
  const wrongCode = async (email: string) => ((await c.outbox.latest(email)) === '123456' ? '654321' : '123456');

  it('ForgotPassword / ConfirmForgotPassword: the same answers, step by step, as for a user', async () => {
    // Created by an admin with a verified email, so no sign-up code counts toward the hourly sends.
    await callCognito(c.url, 'AdminCreateUser', {
      UserPoolId: c.userPoolId,
      Username: 'reset-known@example.com',
      TemporaryPassword: goodPassword,
      UserAttributes: [{ Name: 'name', Value: 'R' }, { Name: 'preferred_username', Value: 'resetknown' }, { Name: 'email_verified', Value: 'true' }],
    }, c.iamCredential);
    const runs: unknown[][] = [];
    for (const name of ['reset-known@example.com', 'reset-nobody@example.com']) {
      const run: unknown[] = [];
      run.push(await outcome(confirmForgot(name, '123456'))); // no code asked for yet
      run.push(await outcome(forgot(name.toUpperCase())));
      for (let i = 0; i < 6; i++) run.push(await outcome(confirmForgot(name, await wrongCode(name)))); // 5 misses burn it
      for (let i = 0; i < 5; i++) run.push(await outcome(forgot(name))); // the 6th send in the hour is refused
      runs.push(run);
    }
    const delivery = { ok: { Destination: 'r***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
    const mismatch = { error: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };
    const limited = { error: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' };
    expect(runs[0]).toEqual([
      { error: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' },
      delivery,
      ...Array(5).fill(mismatch),
      limited,
      ...Array(4).fill(delivery),
      limited,
    ]);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('ForgotPassword answers a disabled user with simulated delivery, and its confirmation with CodeMismatch', async () => {
    await createUser(c, 'off@example.com', 'offuser');
    await callCognito(c.url, 'AdminDisableUser', { UserPoolId: c.userPoolId, Username: 'off@example.com' }, c.iamCredential);
    const signUpCode = await c.outbox.latest('off@example.com');
    expect(await outcome(forgot('off@example.com'))).toEqual({ ok: { Destination: 'o***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
    expect(await c.outbox.latest('off@example.com')).toBe(signUpCode); // nothing was sent
    expect(await outcome(confirmForgot('off@example.com', '123456'))).toEqual({ error: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
  });

  it('ConfirmSignUp: an unknown name answers like an unconfirmed user, burned code included', async () => {
    await callCognito(c.url, 'SignUp', {
      ClientId: clientId(),
      Username: 'confirm-known@example.com',
      Password: goodPassword,
      UserAttributes: [{ Name: 'name', Value: 'C' }, { Name: 'preferred_username', Value: 'confirmknown' }],
    });
    const runs: unknown[][] = [];
    for (const name of ['confirm-known@example.com', 'confirm-nobody@example.com']) {
      const run: unknown[] = [];
      for (let i = 0; i < 6; i++) run.push(await outcome(callCognito(c.url, 'ConfirmSignUp', { ClientId: clientId(), Username: name, ConfirmationCode: await wrongCode(name) })));
      runs.push(run);
    }
    expect(runs[0].at(-1)).toEqual({ error: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    expect(runs[1]).toEqual(runs[0]);
  });

  it('ResendConfirmationCode: an unknown name hits the hourly send limit as a user does', async () => {
    const resend = () => outcome(callCognito(c.url, 'ResendConfirmationCode', { ClientId: clientId(), Username: 'resend-nobody@example.com' }));
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await resend());
    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ ok: { Destination: 'r***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }));
    expect(answers[5]).toEqual({ error: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
  });
});
