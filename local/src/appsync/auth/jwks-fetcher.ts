/**
 * aws-jwt-verify's default fetcher speaks only https; offline, the local Cognito serves its JWKS
 * over plain http on localhost. This fetcher accepts both and keeps the library's contract
 * (resolve with the body, reject non-200 as non-retryable).
 */
import type { Fetcher } from 'aws-jwt-verify/https';
import { NonRetryableFetchError } from 'aws-jwt-verify/error';

export class HttpOrHttpsFetcher implements Fetcher {
  constructor(private readonly timeoutMs = 3000) {}

  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (response.status !== 200) throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    return response.arrayBuffer();
  }
}
