/**
 * Calls AppSync GraphQL mutations with AWS_IAM auth: SigV4-signed POSTs ("Authorization and
 * authentication": AWS_IAM; service name `appsync`). Credentials come from the default provider
 * chain, the endpoint from APPSYNC_URL, so the same code publishes to the cloud API and to the
 * offline engine (which verifies the signature against its local IAM principal).
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, Provider } from '@smithy/types';

export interface GraphQLError {
  message: string;
  errorType?: string;
  path?: (string | number)[];
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLError[];
}

export interface AppSyncClientOptions {
  /** `https://…/graphql`; defaults to the APPSYNC_URL environment variable. */
  url?: string;
  region?: string;
  credentials?: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
}

export type AppSyncClient = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** Thrown for transport failures and non-GraphQL HTTP answers (the caller retries the record). */
export class AppSyncHttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AppSyncHttpError';
  }
}

export function createAppSyncClient(options: AppSyncClientOptions = {}): AppSyncClient {
  const url = new URL(options.url ?? requiredEnv('APPSYNC_URL'));
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const signer = new SignatureV4({ service: 'appsync', region, credentials: options.credentials ?? defaultProvider(), sha256: Sha256 });
  const timeoutMs = options.timeoutMs ?? 10_000;

  return async function call<T>(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const body = JSON.stringify({ query, variables });
    const request = new HttpRequest({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      headers: { 'content-type': 'application/json', host: url.host },
      body,
    });
    const signed = await signer.sign(request);
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new AppSyncHttpError(`AppSync request failed: ${(err as Error).message}`);
    }
    const text = await res.text();
    let parsed: GraphQLResponse<T> & { errorType?: string; message?: string };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppSyncHttpError(`AppSync answered ${res.status} with a non-JSON body`, res.status);
    }
    if (!res.ok && !parsed.errors) throw new AppSyncHttpError(`AppSync answered ${res.status}: ${parsed.message ?? text.slice(0, 200)}`, res.status);
    if (res.status === 401 || res.status === 403) throw new AppSyncHttpError(`AppSync refused the publisher (${res.status})`, res.status);
    return parsed;
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
