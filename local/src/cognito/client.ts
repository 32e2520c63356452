/**
 * A minimal client for Cognito's JSON 1.1 API (the wire format Amplify speaks), used by the seed
 * and by tests that need raw requests or exact error bodies. Admin actions need `signWith`: the
 * request is then SigV4-signed (service `cognito-idp`) as an AWS SDK client signs it.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { LocalCredential } from '../iam/local-credential.ts';

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
export async function callCognito<T = Record<string, unknown>>(url: string, action: string, body: Record<string, unknown>, signWith?: LocalCredential): Promise<T> {
  const text = JSON.stringify(body);
  const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` };
  const res = await fetch(url, { method: 'POST', headers: signWith ? await signCognitoRequest(url, headers, text, signWith) : headers, body: text });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new CognitoCallError(String(json.__type), String(json.message), res.status);
  return json as T;
}

/** The headers of a POST to `url` signed with `credential` for `cognito-idp` (host, x-amz-date and authorization added). */
export async function signCognitoRequest(url: string, headers: Record<string, string>, body: string, credential: LocalCredential, signingDate?: Date): Promise<Record<string, string>> {
  const { host, pathname } = new URL(url);
  const signer = new SignatureV4({ credentials: credential, region: 'us-east-1', service: 'cognito-idp', sha256: Sha256 });
  const signed = await signer.sign(new HttpRequest({ method: 'POST', protocol: 'http:', hostname: host, path: pathname, headers: { ...headers, host }, body }), { signingDate });
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
