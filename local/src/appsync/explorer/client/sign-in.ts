/**
 * Signs in against the local Cognito endpoint with the public Cognito API
 * (`InitiateAuth`, `USER_PASSWORD_AUTH`) and returns the access token, which is what Amplify
 * sends as `Authorization`.
 */
export async function signIn(endpoint: string, clientId: string, username: string, password: string): Promise<string> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  const body = (await res.json()) as { AuthenticationResult?: { AccessToken?: string }; message?: string; __type?: string };
  const token = body.AuthenticationResult?.AccessToken;
  if (!res.ok || !token) throw new Error(body.message ?? body.__type ?? `sign-in failed (${res.status})`);
  return token;
}
