/**
 * Sign-up and sign-in with the real Amplify client, and the pool's refusals, as AWS documents them.
 */
import { signUp } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAccessToken, graphql, setNewPassword, startSignIn } from './amplify-session.ts';
import { createPerson, newIdentity, removePerson, type Person } from './people.ts';
import { poolAdmin, type PoolAdmin } from './pool-admin.ts';
import { connectTarget } from './target.ts';

let admin: PoolAdmin;
const created: (Partial<Person> & { email: string })[] = [];

beforeAll(() => {
  admin = poolAdmin(connectTarget());
});

afterAll(async () => {
  for (const p of created) await removePerson(admin, p);
  admin?.close();
}, 120_000);

describe('sign-up and sign-in', () => {
  it('signs up, is confirmed, signs in and finds the profile the PostConfirmation trigger wrote', async () => {
    const ana = await createPerson(admin, 'ana');
    created.push(ana);
    const me = await graphql(ana.token, '{ me { handle displayName } }');
    expect(me).toEqual({ data: { me: { handle: ana.handle, displayName: 'Parity ana' } } });
    expect(await admin.status(ana.email)).toBe('CONFIRMED');
  });

  it('refuses sign-in before confirmation, then lets the confirmed user in', async () => {
    const who = newIdentity('unconf');
    created.push(who);
    await signUp({ username: who.email, password: who.password, options: { userAttributes: { email: who.email, name: 'Parity unconf', preferred_username: who.handle } } });
    expect(await admin.status(who.email)).toBe('UNCONFIRMED');
    // Cognito answers UserNotConfirmedException; Amplify turns it into the next step to take.
    expect(await startSignIn(who.email, who.password)).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });
    await admin.confirmSignUp(who.email);
    expect(await startSignIn(who.email, who.password)).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('gives a wrong password and an unknown user the same NotAuthorizedException', async () => {
    const ana = created[0];
    const wrong = await startSignIn(ana.email, 'Not-The-Password-1!').catch((e: Error) => e);
    const unknown = await startSignIn(newIdentity('nobody').email, 'Not-The-Password-1!').catch((e: Error) => e);
    for (const err of [wrong, unknown]) expect(err).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('makes a user an administrator created set a new password, and runs no PostConfirmation trigger for them', async () => {
    const who = newIdentity('admin');
    created.push(who);
    await admin.createUser(who.email, 'Temporary-Pass-1!', { name: 'Parity admin', preferred_username: who.handle });
    expect(await admin.status(who.email)).toBe('FORCE_CHANGE_PASSWORD');
    expect(await startSignIn(who.email, 'Temporary-Pass-1!')).toMatchObject({ nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' } });
    expect(await setNewPassword(who.password)).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await admin.status(who.email)).toBe('CONFIRMED');
    // Cognito invokes PostConfirmation only for users who sign up, so no profile was written.
    const me = await graphql(await currentAccessToken(), '{ me { id } }');
    expect(me.errors?.[0]).toMatchObject({ errorType: 'NotFound' });
  });
});
