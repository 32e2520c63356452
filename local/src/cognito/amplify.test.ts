/**
 * The unmodified aws-amplify v6 client, default flows (SRP sign-in, GetTokensFromRefreshToken),
 * against the offline pool with its real triggers writing to the embedded DynamoDB.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  confirmResetPassword,
  confirmSignUp,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resetPassword,
  signIn,
  signOut,
  signUp,
  updateUserAttributes,
} from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito } from './client.ts';
import { startHarness, type Harness } from './testing/amplify-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const password = 'Correct-Horse-1';
const attrs = (handle: string, name = 'Ann Example') => ({ name, preferred_username: handle });

async function getItem(pk: string, sk: string) {
  const { Item } = await h.dynamo.client.send(new GetItemCommand({ TableName: h.dynamo.tableName, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }));
  return Item && unmarshall(Item);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('Amplify v6 against the offline pool', () => {
  const email = 'ann@example.com';
  let sub = '';

  it('signs up, confirms with the outbox code, and PostConfirmation writes profile + handle claim', async () => {
    const result = await signUp({ username: email, password, options: { userAttributes: attrs('Ann_B') } });
    expect(result.isSignUpComplete).toBe(false);
    expect(result.nextStep).toMatchObject({ signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: { deliveryMedium: 'EMAIL', attributeName: 'email', destination: 'a***@e***' } });
    sub = result.userId!;
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getItem(`USER#${sub}`, 'PROFILE')).toBeUndefined();

    const code = await h.cognito.outbox.latest(email);
    expect(code).toMatch(/^\d{6}$/);
    expect(await confirmSignUp({ username: email, confirmationCode: code! })).toMatchObject({ isSignUpComplete: true });

    const profile = await getItem(`USER#${sub}`, 'PROFILE');
    expect(profile).toMatchObject({
      id: sub,
      handle: 'Ann_B',
      handleLower: 'ann_b',
      displayName: 'Ann Example',
      bio: '',
      avatarUrl: null,
      followersCount: 0,
      followingCount: 0,
      crudsCount: 0,
      gsi1pk: 'HANDLE_PREFIX',
      gsi1sk: 'ann_b',
    });
    expect(new Date(profile!.createdAt).toISOString()).toBe(profile!.createdAt);
    expect(await getItem('HANDLE#ann_b', 'HANDLE')).toMatchObject({ userId: sub, handle: 'Ann_B' });
  });

  it('signs in with the default SRP flow and gets Cognito-shaped tokens', async () => {
    const result = await signIn({ username: 'ANN@example.com', password });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const user = await getCurrentUser();
    expect(user).toMatchObject({ username: sub, userId: sub, signInDetails: { authFlowType: 'USER_SRP_AUTH' } });
    const { tokens } = await fetchAuthSession();
    const id = tokens!.idToken!.payload;
    const access = tokens!.accessToken.payload;
    expect(id).toMatchObject({ sub, aud: h.cognito.clientId, token_use: 'id', iss: h.cognito.issuer, 'cognito:username': sub, email, email_verified: true, name: 'Ann Example', preferred_username: 'Ann_B' });
    expect(access).toMatchObject({ sub, client_id: h.cognito.clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', username: sub, iss: h.cognito.issuer });
    expect(access.aud).toBeUndefined();
    expect(access.origin_jti).toBe(id.origin_jti);
    expect(Number(access.exp) - Number(access.iat)).toBe(3600);
    expect(await fetchUserAttributes()).toEqual({ sub, email, email_verified: 'true', name: 'Ann Example', preferred_username: 'Ann_B' });
  });

  it('forced refresh mints new tokens for the same session (GetTokensFromRefreshToken)', async () => {
    const before = (await fetchAuthSession()).tokens!;
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens!;
    expect(after.accessToken.payload.jti).not.toBe(before.accessToken.payload.jti);
    expect(after.accessToken.payload.origin_jti).toBe(before.accessToken.payload.origin_jti);
    expect(after.accessToken.payload.auth_time).toBe(before.accessToken.payload.auth_time);
  });

  it('updates a mutable attribute; the next ID token carries it; the handle is immutable', async () => {
    await updateUserAttributes({ userAttributes: { name: 'Ann Renamed' } });
    expect((await fetchUserAttributes()).name).toBe('Ann Renamed');
    const { tokens } = await fetchAuthSession({ forceRefresh: true });
    expect(tokens!.idToken!.payload.name).toBe('Ann Renamed');
    const err = await rejection(updateUserAttributes({ userAttributes: { preferred_username: 'other' } }));
    expect(err).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid user attributes: preferred_username: Attribute cannot be updated.' });
  });

  it('resets the password with the emailed code; the old password stops working', async () => {
    await signOut();
    const reset = await resetPassword({ username: email });
    expect(reset.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
    const code = await h.cognito.outbox.latest(email);
    await confirmResetPassword({ username: email, confirmationCode: code!, newPassword: 'New-Password-2' });
    expect((await rejection(signIn({ username: email, password }))).name).toBe('NotAuthorizedException');
    expect(await signIn({ username: email, password: 'New-Password-2' })).toMatchObject({ isSignedIn: true });
  });

  it('global sign-out revokes the refresh token and the access token', async () => {
    const refreshToken = h.storage.find('refreshToken')!;
    const accessToken = h.storage.find('accessToken')!;
    expect(refreshToken).toBeTruthy();
    await signOut({ global: true });
    expect(h.storage.find('refreshToken')).toBeUndefined();
    const url = h.cognito.url;
    const ClientId = h.cognito.clientId;
    await expect(callCognito(url, 'GetTokensFromRefreshToken', { ClientId, RefreshToken: refreshToken })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    await expect(callCognito(url, 'InitiateAuth', { ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    await expect(callCognito(url, 'GetUser', { AccessToken: accessToken })).rejects.toMatchObject({ type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });

  it('plain sign-out revokes that session through RevokeToken (tokens carry origin_jti)', async () => {
    await signIn({ username: email, password: 'New-Password-2' });
    const refreshToken = h.storage.find('refreshToken')!;
    await signOut();
    await expect(callCognito(h.cognito.url, 'GetTokensFromRefreshToken', { ClientId: h.cognito.clientId, RefreshToken: refreshToken })).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });
});

describe('Amplify error paths', () => {
  it('wrong password and unknown user both give NotAuthorizedException', async () => {
    const wrong = await rejection(signIn({ username: 'ann@example.com', password: 'Wrong-Password-1' }));
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const unknown = await rejection(signIn({ username: 'nobody@example.com', password: 'Wrong-Password-1' }));
    expect(unknown).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('an unconfirmed user is sent to CONFIRM_SIGN_UP, only with the right password', async () => {
    await signUp({ username: 'bo@example.com', password, options: { userAttributes: attrs('bo_b', 'Bo') } });
    expect(await signIn({ username: 'bo@example.com', password })).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });
    expect((await rejection(signIn({ username: 'bo@example.com', password: 'Wrong-Password-1' }))).name).toBe('NotAuthorizedException');
  });

  it('an existing email is refused', async () => {
    const err = await rejection(signUp({ username: 'Ann@Example.com', password, options: { userAttributes: attrs('someone') } }));
    expect(err).toMatchObject({ name: 'UsernameExistsException', message: 'An account with the given email already exists.' });
  });

  it('a wrong confirmation code is refused and the user stays unconfirmed', async () => {
    const real = await h.cognito.outbox.latest('bo@example.com');
    const err = await rejection(confirmSignUp({ username: 'bo@example.com', confirmationCode: real === '000000' ? '111111' : '000000' }));
    expect(err).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect(await signIn({ username: 'bo@example.com', password })).toMatchObject({ nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });
  });

  it('a weak password is refused with the policy message', async () => {
    const err = await rejection(signUp({ username: 'weak@example.com', password: 'password', options: { userAttributes: attrs('weakling') } }));
    expect(err.name).toBe('InvalidPasswordException');
    expect(err.message).toMatch(/^Password did not conform with policy: /);
  });

  it('a handle taken by a confirmed user is refused by PreSignUp, case-insensitively', async () => {
    const err = await rejection(signUp({ username: 'copy@example.com', password, options: { userAttributes: attrs('ANN_b') } }));
    expect(err).toMatchObject({ name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Handle ANN_b is already taken.' });
    await expect(callCognito(h.cognito.url, 'AdminGetUser', { UserPoolId: h.cognito.userPoolId, Username: 'copy@example.com' }, h.cognito.iamCredential)).rejects.toMatchObject({ type: 'UserNotFoundException' });
  });

  it('two unconfirmed sign-ups for one handle: the second confirmation fails in PostConfirmation', async () => {
    await signUp({ username: 'first@example.com', password, options: { userAttributes: attrs('twin', 'First') } });
    await signUp({ username: 'second@example.com', password, options: { userAttributes: attrs('TWIN', 'Second') } });
    await confirmSignUp({ username: 'first@example.com', confirmationCode: (await h.cognito.outbox.latest('first@example.com'))! });
    const err = await rejection(confirmSignUp({ username: 'second@example.com', confirmationCode: (await h.cognito.outbox.latest('second@example.com'))! }));
    expect(err).toMatchObject({ name: 'UserLambdaValidationException', message: 'PostConfirmation failed with error Handle TWIN is already taken.' });
    const claim = await getItem('HANDLE#twin', 'HANDLE');
    const first = await callCognito<{ Username: string }>(h.cognito.url, 'AdminGetUser', { UserPoolId: h.cognito.userPoolId, Username: 'first@example.com' }, h.cognito.iamCredential);
    expect(claim!.userId).toBe(first.Username);
  });
});
