/**
 * Talks the DynamoDB JSON protocol (`X-Amz-Target: DynamoDB_20120810.<Op>`) to the store behind
 * the front: the embedded dynalite, or an external DynamoDB API (`DYNAMODB_ENDPOINT`), which gets
 * properly SigV4-signed requests. Responses are returned raw so the front can relay them unchanged.
 */
import http from 'node:http';
import https from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';

export interface BackendResponse {
  status: number;
  /** The raw response body (JSON text). */
  body: string;
}

export interface Backend {
  readonly endpoint: string;
  /** True for the embedded store (which lacks transactions and TTL settings). */
  readonly embedded: boolean;
  call(operation: string, input: unknown): Promise<BackendResponse>;
  /** Like `call`, but parses the body and throws a `BackendError` on a non-2xx status. */
  json<T = Record<string, unknown>>(operation: string, input: unknown): Promise<T>;
  close(): void;
}

export class BackendError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly type: string,
  ) {
    super(`${type}: ${body}`);
  }
}

export interface BackendOptions {
  endpoint: string;
  embedded: boolean;
  /** The embedded store's in-process call (store/in-process.ts): used instead of HTTP when given. */
  inProcess?: (operation: string, body: string) => Promise<BackendResponse>;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** dynalite checks that a SigV4 header is present but never verifies it; signing costs CPU per call. */
const UNVERIFIED_AUTH =
  'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

export function createBackend(options: BackendOptions): Backend {
  const url = new URL(options.endpoint);
  const transport = url.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 64 });
  const signer = options.embedded
    ? null
    : new SignatureV4({
        service: 'dynamodb',
        region: options.region,
        sha256: Sha256,
        credentials: options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' },
      });

  async function headersFor(operation: string, body: string): Promise<Record<string, string>> {
    const base: Record<string, string> = {
      host: url.host,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
    };
    if (!signer) return { ...base, 'x-amz-date': '20260101T000000Z', authorization: UNVERIFIED_AUTH };
    const signed = await signer.sign(
      new HttpRequest({ method: 'POST', protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname || '/', headers: base, body }),
    );
    return signed.headers as Record<string, string>;
  }

  async function call(operation: string, input: unknown): Promise<BackendResponse> {
    const body = JSON.stringify(input);
    if (options.inProcess) return options.inProcess(operation, body);
    const headers = await headersFor(operation, body);
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 500, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  return {
    endpoint: options.endpoint,
    embedded: options.embedded,
    call,
    async json<T>(operation: string, input: unknown): Promise<T> {
      const res = await call(operation, input);
      if (res.status >= 300) throw new BackendError(res.status, res.body, errorType(res.body));
      return (res.body ? JSON.parse(res.body) : {}) as T;
    },
    close: () => agent.destroy(),
  };
}

/** `com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException` → `ConditionalCheckFailedException`. */
export function errorType(body: string): string {
  try {
    const type = String((JSON.parse(body) as { __type?: string }).__type ?? 'InternalServerError');
    return type.slice(type.lastIndexOf('#') + 1);
  } catch {
    return 'InternalServerError';
  }
}
