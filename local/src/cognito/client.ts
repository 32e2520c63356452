/**
 * A minimal client for Cognito's JSON 1.1 API (the wire format Amplify speaks), used by the seed
 * and by tests that need raw requests or exact error bodies.
 */
export class CognitoCallError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = type;
  }
}

/** POSTs `AWSCognitoIdentityProviderService.<action>`; throws CognitoCallError with `__type` on 4xx/5xx. */
export async function callCognito<T = Record<string, unknown>>(url: string, action: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new CognitoCallError(String(json.__type), String(json.message), res.status);
  return json as T;
}
