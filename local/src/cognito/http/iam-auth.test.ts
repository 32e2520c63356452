/** Admin actions of the offline pool demand a valid SigV4 signature of the stack's IAM key, as IAM does in AWS. */
import { AdminGetUserCommand, CognitoIdentityProviderClient, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito, signCognitoRequest } from '../client.ts';
import { startCognito, type CognitoHandle } from '../index.ts';
import { createUser } from '../testing/helpers.ts';
import { generateCredential, type LocalCredential } from '../../iam/local-credential.ts';
import { userPool as cruddurPool } from '../../../../definitions/user-pool.ts';

let c: CognitoHandle;
const clients: CognitoIdentityProviderClient[] = [];
beforeAll(async () => {
  c = await startCognito({ definition: cruddurPool, print: false });
  await createUser(c, 'signed@example.com', 'signeduser');
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await c?.close();
});

/** An AWS SDK v3 client as an operator's script builds it; one attempt, so a refusal is not retried. */
function sdk(credentials: LocalCredential, extra: { systemClockOffset?: number } = {}): CognitoIdentityProviderClient {
  const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: c.url, credentials, maxAttempts: 1, ...extra });
  clients.push(client);
  return client;
}
const getUser = (client: CognitoIdentityProviderClient, Username = 'signed@example.com') => client.send(new AdminGetUserCommand({ UserPoolId: c.userPoolId, Username }));

const headers = (action: string) => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` });
const adminBody = () => JSON.stringify({ UserPoolId: c.userPoolId, Username: 'signed@example.com' });
async function rawAdmin(sent: Record<string, string>, body = adminBody()) {
  const res = await fetch(c.url, { method: 'POST', headers: sent, body });
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), body: (await res.json()) as { __type?: string; message?: string; Username?: string } };
}
const badSignature = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

describe('AWS SDK client', () => {
  it('signed with the stack key: Admin actions work', async () => {
    const user = await getUser(sdk(c.iamCredential));
    expect(user.UserStatus).toBe('CONFIRMED');
    await expect(getUser(sdk(c.iamCredential), 'nobody@example.com')).rejects.toBeInstanceOf(UserNotFoundException);
  });

  it('another secret for the same key id: InvalidSignatureException', async () => {
    await expect(getUser(sdk({ ...c.iamCredential, secretAccessKey: generateCredential().secretAccessKey }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      message: badSignature,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('a key the stack does not know (placeholder or real AWS key): UnrecognizedClientException', async () => {
    for (const credentials of [{ accessKeyId: 'local', secretAccessKey: 'local' }, generateCredential()]) {
      await expect(getUser(sdk(credentials))).rejects.toMatchObject({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.', $metadata: { httpStatusCode: 400 } });
    }
  });

  it('a clock 10 minutes slow: InvalidSignatureException "Signature expired"', async () => {
    await expect(getUser(sdk(c.iamCredential, { systemClockOffset: -10 * 60_000 }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/),
    });
  });

  it('with retries on, the SDK corrects its clock from the Date header and succeeds, as against AWS', async () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: c.url, credentials: c.iamCredential, systemClockOffset: -10 * 60_000 });
    clients.push(client);
    expect((await getUser(client)).UserStatus).toBe('CONFIRMED');
  });
});

describe('raw requests', () => {
  it('unsigned: MissingAuthenticationTokenException, HTTP 400, x-amzn-errortype', async () => {
    expect(await rawAdmin(headers('AdminGetUser'))).toEqual({
      status: 400,
      errorType: 'MissingAuthenticationTokenException:',
      body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' },
    });
    await expect(callCognito(c.url, 'AdminDisableUser', { UserPoolId: c.userPoolId, Username: 'signed@example.com' })).rejects.toMatchObject({ type: 'MissingAuthenticationTokenException' });
  });

  it('signed: served', async () => {
    const sent = await signCognitoRequest(c.url, headers('AdminGetUser'), adminBody(), c.iamCredential);
    expect(await rawAdmin(sent)).toMatchObject({ status: 200, body: { Username: expect.any(String) } });
  });

  it('tampered body (signed for one user, sent for another): InvalidSignatureException', async () => {
    const sent = await signCognitoRequest(c.url, headers('AdminDeleteUser'), adminBody(), c.iamCredential);
    const other = JSON.stringify({ UserPoolId: c.userPoolId, Username: 'someone-else@example.com' });
    expect(await rawAdmin(sent, other)).toEqual({ status: 400, errorType: 'InvalidSignatureException:', body: { __type: 'InvalidSignatureException', message: badSignature } });
  });

  it('tampered signed header (another action under the same signature): InvalidSignatureException', async () => {
    const sent = await signCognitoRequest(c.url, headers('AdminGetUser'), adminBody(), c.iamCredential);
    expect((await rawAdmin({ ...sent, 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminDeleteUser' })).body.__type).toBe('InvalidSignatureException');
    expect((await callCognito(c.url, 'AdminGetUser', { UserPoolId: c.userPoolId, Username: 'signed@example.com' }, c.iamCredential)).UserStatus).toBe('CONFIRMED');
  });

  it('dated over 5 minutes ago or ahead: InvalidSignatureException; 4 minutes: served', async () => {
    const at = (offsetMs: number) => signCognitoRequest(c.url, headers('AdminGetUser'), adminBody(), c.iamCredential, new Date(Date.now() + offsetMs));
    const old = await rawAdmin(await at(-6 * 60_000));
    expect(old).toMatchObject({ status: 400, body: { __type: 'InvalidSignatureException', message: expect.stringMatching(/^Signature expired: /) } });
    const ahead = await rawAdmin(await at(6 * 60_000));
    expect(ahead.body).toMatchObject({ __type: 'InvalidSignatureException', message: expect.stringMatching(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/) });
    expect((await rawAdmin(await at(-4 * 60_000))).status).toBe(200);
  });

  it('garbled Authorization: IncompleteSignatureException; scoped to another service: InvalidSignatureException', async () => {
    const garbled = await rawAdmin({ ...headers('AdminGetUser'), authorization: 'AWS4-HMAC-SHA256 nonsense' });
    expect(garbled).toMatchObject({ status: 400, body: { __type: 'IncompleteSignatureException' } });
    const sent = await signCognitoRequest(c.url, headers('AdminGetUser'), adminBody(), c.iamCredential);
    const s3Scoped = sent.authorization.replace('/cognito-idp/', '/s3/');
    expect((await rawAdmin({ ...sent, authorization: s3Scoped })).body).toEqual({ __type: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'cognito-idp'. " });
  });

  it('public actions stay unsigned, as in AWS', async () => {
    const out = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(c.url, 'InitiateAuth', { ClientId: c.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'signed@example.com', PASSWORD: 'Correct-Horse-1' } });
    expect(out.AuthenticationResult.AccessToken).toBeTruthy();
  });
});
