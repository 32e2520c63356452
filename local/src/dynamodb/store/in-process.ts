/**
 * Calls the embedded dynalite without a socket: its own request handler (the one its HTTP server
 * runs) receives the request through a minimal in-memory request/response pair, so validation,
 * actions and error bodies are dynalite's, byte for byte, without the loopback HTTP round trip
 * (request and response framing, a socket write and read on each side) every call paid before.
 */
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';

export interface StoreResponse {
  status: number;
  /** The raw response body (JSON text). */
  body: string;
}

/** dynalite checks that a SigV4 header is present but never verifies it. */
const UNVERIFIED_AUTH = 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

type Handler = (req: EventEmitter, res: object) => void;

/** A function that sends `body` for `operation` straight to `server`'s request handler. */
export function inProcessCaller(server: Server): (operation: string, body: string) => Promise<StoreResponse> {
  const handler = server.listeners('request')[0] as Handler | undefined;
  if (!handler) throw new Error('dynalite server has no request handler (unexpected dynalite version)');
  return (operation, body) =>
    new Promise<StoreResponse>((resolve, reject) => {
      const req = Object.assign(new EventEmitter(), {
        method: 'POST',
        url: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
          'x-amz-date': '20260101T000000Z',
          authorization: UNVERIFIED_AUTH,
        },
      });
      const res = {
        statusCode: 200,
        contentType: '',
        setHeader() {},
        end(text?: string) {
          resolve({ status: this.statusCode, body: text ?? '' });
        },
      };
      try {
        handler(req, res);
        req.emit('data', Buffer.from(body, 'utf8'));
        req.emit('end');
      } catch (err) {
        reject(err);
      }
    });
}
