/**
 * Flows the @aws-amplify/ui-react Authenticator drives through Amplify: sign-up with autoSignIn,
 * resend code, admin-created users with NEW_PASSWORD_REQUIRED — plus the demo-user seed.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  autoSignIn,
  confirmSignIn,
  confirmSignUp,
  confirmUserAttribute,
  deleteUser,
  fetchAuthSession,
  fetchUserAttributes,
  resendSignUpCode,
  sendUserAttributeVerificationCode,
  signIn,
  signOut,
  signUp,
  updatePassword,
  updateUserAttributes,
} from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../../definitions/demo-users.ts';
import { callCognito } from './client.ts';
import { readOutbox } from './index.ts';
import { seedDemoUsers } from './seed.ts';
import { startHarness, type Harness } from './testing/amplify-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Authenticator flows', () => {
  it('signUp with autoSignIn → resend code → confirmSignUp → autoSignIn (SRP)', async () => {
    const email = 'auto@example.com';
    const out = await signUp({ username: email, password: 'Auto-Sign-In-1', options: { userAttributes: { name: 'Auto', preferred_username: 'auto_user' }, autoSignIn: true } });
    expect(out.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    const first = await readOutbox(h.cognito.url, email);
    await resendSignUpCode({ username: email });
    const second = await readOutbox(h.cognito.url, email);
    expect(second).toMatch(/^\d{6}$/);
    if (first !== second) expect((await confirmSignUp({ username: email, confirmationCode: first! }).catch((e: Error) => e)) as Error).toMatchObject({ name: 'CodeMismatchException' });
    expect(await confirmSignUp({ username: email, confirmationCode: second! })).toMatchObject({ nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' } });
    expect(await autoSignIn()).toMatchObject({ isSignedIn: true });
    expect((await fetchAuthSession()).tokens?.idToken?.payload.preferred_username).toBe('auto_user');
    await signOut();
  });

  it('an admin-created user sets a new password on first sign-in', async () => {
    await callCognito(h.cognito.url, 'AdminCreateUser', {
      UserPoolId: h.cognito.userPoolId,
      Username: 'invited@example.com',
      TemporaryPassword: 'Temp-Pass-123',
      UserAttributes: [{ Name: 'name', Value: 'Invited' }, { Name: 'preferred_username', Value: 'invited' }, { Name: 'email_verified', Value: 'true' }],
    }, h.cognito.iamCredential);
    const first = await signIn({ username: 'invited@example.com', password: 'Temp-Pass-123' });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const weak = (await confirmSignIn({ challengeResponse: 'weak' }).catch((e: Error) => e)) as Error;
    expect(weak.name).toBe('InvalidPasswordException');
    // The challenge stays open after a refused answer: the user just tries again.
    expect(await confirmSignIn({ challengeResponse: 'Chosen-Pass-123' })).toMatchObject({ isSignedIn: true });
    await signOut();
    expect(await signIn({ username: 'invited@example.com', password: 'Chosen-Pass-123' })).toMatchObject({ isSignedIn: true });
    await signOut();
  });
});

describe('account settings', () => {
  it('changes email with a code, changes password, then deletes the account', async () => {
    await signUp({ username: 'settings@example.com', password: 'Settings-Pass-1', options: { userAttributes: { name: 'S', preferred_username: 'settings' } } });
    await confirmSignUp({ username: 'settings@example.com', confirmationCode: (await h.cognito.outbox.latest('settings@example.com'))! });
    await signIn({ username: 'settings@example.com', password: 'Settings-Pass-1' });

    const update = await updateUserAttributes({ userAttributes: { email: 'moved@example.com' } });
    expect(update.email).toMatchObject({ isUpdated: false, nextStep: { updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE' } });
    expect(await fetchUserAttributes()).toMatchObject({ email: 'moved@example.com', email_verified: 'false' });
    await sendUserAttributeVerificationCode({ userAttributeKey: 'email' });
    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: (await h.cognito.outbox.latest('moved@example.com'))! });
    expect((await fetchUserAttributes()).email_verified).toBe('true');

    const wrong = (await updatePassword({ oldPassword: 'Not-The-Pass-1', newPassword: 'Settings-Pass-2' }).catch((e: Error) => e)) as Error;
    expect(wrong.name).toBe('NotAuthorizedException');
    await updatePassword({ oldPassword: 'Settings-Pass-1', newPassword: 'Settings-Pass-2' });
    await signOut();
    await signIn({ username: 'moved@example.com', password: 'Settings-Pass-2' });
    await deleteUser();
    const gone = (await signIn({ username: 'moved@example.com', password: 'Settings-Pass-2' }).catch((e: Error) => e)) as Error;
    expect(gone.name).toBe('NotAuthorizedException');
  });
});

describe('demo seed', () => {
  it('signs the demo users up through SignUp + ConfirmSignUp (triggers run); re-seeding is a no-op', async () => {
    const seeded = await seedDemoUsers(h.cognito, demoUsers);
    expect(seeded.map((u) => [u.handle, u.created])).toEqual(demoUsers.map((u) => [u.handle, true]));
    for (const user of demoUsers) {
      const { Item } = await h.dynamo.client.send(new GetItemCommand({ TableName: h.dynamo.tableName, Key: { pk: { S: `HANDLE#${user.handle}` }, sk: { S: 'HANDLE' } } }));
      expect(Item?.handle.S).toBe(user.handle);
    }
    const again = await seedDemoUsers(h.cognito, demoUsers);
    expect(again.every((u) => !u.created)).toBe(true);
    const andrew = demoUsers[0];
    expect(await signIn({ username: andrew.email, password: andrew.password })).toMatchObject({ isSignedIn: true });
    expect((await fetchAuthSession()).tokens?.idToken?.payload).toMatchObject({ preferred_username: 'andrewbrown', name: 'Andrew Brown', email_verified: true });
    await signOut();
  });
});
