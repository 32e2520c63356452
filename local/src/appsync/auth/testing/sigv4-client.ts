/** Signs a request the way an AWS SDK client does, for tests of AWS_IAM mode. */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SignInput {
  host: string;
  path: string;
  body: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
  date?: Date;
  extraHeaders?: Record<string, string>;
}

/** Returns the headers to send (lower-cased), including `authorization` and `x-amz-date`. */
export async function signAppSyncRequest(input: SignInput): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey, sessionToken: input.sessionToken },
    region: input.region ?? 'us-east-1',
    service: 'appsync',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'https:',
      hostname: input.host,
      path: input.path,
      headers: { host: input.host, 'content-type': 'application/json', accept: 'application/json', ...input.extraHeaders },
      body: input.body,
    }),
    { signingDate: input.date },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
