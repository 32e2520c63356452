/** Code expiry/attempt limits, send limits, sign-in lockout and confirmation state errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito } from './client.ts';
import { startCognito, type CognitoHandle } from './index.ts';
import { createUser, goodPassword, passwordSignIn } from './testing/helpers.ts';
import { userPool as cruddurPool } from '../../../definitions/user-pool.ts';

let c: CognitoHandle;
beforeAll(async () => {
  c = await startCognito({ definition: cruddurPool, print: false });
});
afterAll(async () => {
  await c?.close();
});

const signUp = (email: string, handle: string) =>
  callCognito(c.url, 'SignUp', { ClientId: c.clientId, Username: email, Password: goodPassword, UserAttributes: [{ Name: 'name', Value: handle }, { Name: 'preferred_username', Value: handle }] });
const confirm = (email: string, code: string | undefined) => callCognito(c.url, 'ConfirmSignUp', { ClientId: c.clientId, Username: email, ConfirmationCode: code });
const wrongCode = (real: string | undefined) => (real === '123456' ? '654321' : '123456');

describe('codes', () => {
  it('burns a code after 5 wrong guesses: even the right code then gets LimitExceededException', async () => {
    await signUp('guess@example.com', 'guesser');
    const real = await c.outbox.latest('guess@example.com');
    for (let i = 0; i < 5; i++) await expect(confirm('guess@example.com', wrongCode(real))).rejects.toMatchObject({ type: 'CodeMismatchException' });
    await expect(confirm('guess@example.com', real)).rejects.toMatchObject({ type: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    // A new code works again.
    await callCognito(c.url, 'ResendConfirmationCode', { ClientId: c.clientId, Username: 'guess@example.com' });
    const fresh = await c.outbox.latest('guess@example.com');
    expect(fresh).not.toBeUndefined();
    await confirm('guess@example.com', fresh);
  });

  it('a resent code replaces the previous one', async () => {
    await signUp('resend@example.com', 'resender');
    const first = await c.outbox.latest('resend@example.com');
    const out = await callCognito<{ CodeDeliveryDetails: unknown }>(c.url, 'ResendConfirmationCode', { ClientId: c.clientId, Username: 'resend@example.com' });
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'r***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const second = await c.outbox.latest('resend@example.com');
    if (first !== second) await expect(confirm('resend@example.com', first)).rejects.toMatchObject({ type: 'CodeMismatchException' });
    await confirm('resend@example.com', second);
  });

  it('limits code sends per hour', async () => {
    await signUp('flood@example.com', 'flooder');
    for (let i = 0; i < 4; i++) await callCognito(c.url, 'ResendConfirmationCode', { ClientId: c.clientId, Username: 'flood@example.com' });
    await expect(callCognito(c.url, 'ResendConfirmationCode', { ClientId: c.clientId, Username: 'flood@example.com' })).rejects.toMatchObject({ type: 'LimitExceededException' });
  });

  it('reports confirmed users as Cognito does', async () => {
    await createUser(c, 'done@example.com', 'doneuser');
    await expect(callCognito(c.url, 'ResendConfirmationCode', { ClientId: c.clientId, Username: 'done@example.com' })).rejects.toMatchObject({ type: 'InvalidParameterException', message: 'User is already confirmed.' });
    await expect(confirm('done@example.com', '123456')).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' });
  });

  it('hides whether a user exists from code actions', async () => {
    await expect(confirm('ghost@example.com', '123456')).rejects.toMatchObject({ type: 'CodeMismatchException' });
    const forgot = await callCognito<{ CodeDeliveryDetails: { Destination: string } }>(c.url, 'ForgotPassword', { ClientId: c.clientId, Username: 'ghost@example.com' });
    expect(forgot.CodeDeliveryDetails.Destination).toBe('g***@e***');
    expect(await c.outbox.latest('ghost@example.com')).toBeUndefined();
  });

  it('a reset code is single use and a wrong one is refused', async () => {
    await createUser(c, 'reset@example.com', 'resetuser');
    await callCognito(c.url, 'ForgotPassword', { ClientId: c.clientId, Username: 'reset@example.com' });
    const code = await c.outbox.latest('reset@example.com');
    const reset = (ConfirmationCode: string | undefined, Password = 'Brand-New-3') => callCognito(c.url, 'ConfirmForgotPassword', { ClientId: c.clientId, Username: 'reset@example.com', ConfirmationCode, Password });
    await expect(reset(wrongCode(code))).rejects.toMatchObject({ type: 'CodeMismatchException' });
    await expect(reset(code, 'weak')).rejects.toMatchObject({ type: 'InvalidPasswordException' });
    await reset(code);
    await expect(reset(code)).rejects.toMatchObject({ type: 'ExpiredCodeException' });
    await passwordSignIn(c, 'reset@example.com', 'Brand-New-3');
  });
});

describe('sign-in lockout', () => {
  it('locks after 5 wrong passwords, refusing even the right one', async () => {
    await createUser(c, 'lock@example.com', 'lockuser');
    for (let i = 0; i < 5; i++) await expect(passwordSignIn(c, 'lock@example.com', 'Wrong-Pass-1')).rejects.toMatchObject({ message: 'Incorrect username or password.' });
    await expect(passwordSignIn(c, 'lock@example.com')).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'Password attempts exceeded' });
  });
});
