/**
 * A DynamoDB client for callers in the front's own process (the AppSync data source): it takes the
 * SDK's commands and answers with the SDK's output shapes and exceptions, but reaches the front's
 * dispatch directly (`Front.call`) instead of serialising through the SDK's middleware, SigV4 and a
 * loopback HTTP round trip per call — which was most of a cheap GetItem's cost (measured:
 * ≈0.45 ms of CPU per SDK call against a store that answers 16k GetItem/s over raw HTTP).
 *
 * Fidelity: the input is serialised as the SDK's JSON 1.0 protocol does (binary as base64, absent
 * members dropped); a 2xx body is returned parsed, binary decoded back to bytes as the SDK's
 * deserialiser does. Any other answer is handed to a real SDK client whose request handler replays
 * it, so exceptions (classes, `name`, `message`, `$fault`, `$metadata`, members such as
 * `CancellationReasons`) are exactly the SDK's. Known difference: the SDK retries throttling and
 * 5xx answers (standard mode, 3 attempts); offline the store never throttles, and a 5xx is the
 * front's own internal error, which a retry would repeat.
 */
import { randomBytes } from 'node:crypto';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { FrontResponse } from './front/protocol.ts';

/** What the data source needs of a client: `send(command)` with the SDK's output or exception. */
export interface CommandSender {
  send(command: object, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/** The front's in-process entry point (`Front.call`). */
export type FrontCall = (operation: string, input: Record<string, unknown>, requestId?: string) => Promise<FrontResponse>;

const OPERATIONS = new Map<abstract new (...args: never[]) => unknown, string>([
  [GetItemCommand, 'GetItem'],
  [PutItemCommand, 'PutItem'],
  [UpdateItemCommand, 'UpdateItem'],
  [DeleteItemCommand, 'DeleteItem'],
  [QueryCommand, 'Query'],
  [ScanCommand, 'Scan'],
  [BatchGetItemCommand, 'BatchGetItem'],
  [BatchWriteItemCommand, 'BatchWriteItem'],
  [TransactGetItemsCommand, 'TransactGetItems'],
  [TransactWriteItemsCommand, 'TransactWriteItems'],
]);

const REPLAY_HEADER = 'x-cruddur-replay';

/** The SDK's JSON protocol writes blobs as base64; everything else is JSON as it stands. */
function toWire(input: unknown): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(input, function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
    }),
  ) as Record<string, unknown>;
}

/**
 * The SDK decodes `B` and `BS` attribute values to bytes. In a response body only an attribute
 * value has a `B` member holding a string (or `BS` holding a list): item maps hold typed objects.
 */
function decodeBinary(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) decodeBinary(v);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  for (const key in o) {
    const v = o[key];
    if (key === 'B' && typeof v === 'string') o.B = new Uint8Array(Buffer.from(v, 'base64'));
    else if (key === 'BS' && Array.isArray(v) && v.every((b) => typeof b === 'string')) o.BS = v.map((b: string) => new Uint8Array(Buffer.from(b, 'base64')));
    else decodeBinary(v);
  }
}

/** The error the SDK's Node.js handler raises for a call aborted before it was sent. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const error = new Error(reason !== undefined && !(reason instanceof Error) ? String(reason) : 'Request aborted');
  error.name = 'AbortError';
  if (reason instanceof Error) error.cause = reason;
  return error;
}

/** Creates the client; `view(requestId, signal)` gives a sender whose calls carry both. */
export function inProcessClient(call: FrontCall, region: string) {
  const pending = new Map<string, FrontResponse>();
  let sequence = 0;
  const replay = new DynamoDBClient({
    region,
    endpoint: 'http://dynamodb.in-process',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: HttpRequest) {
        const id = request.headers[REPLAY_HEADER];
        const answer = pending.get(id)!;
        pending.delete(id);
        const body = new Uint8Array(Buffer.from(answer.body, 'utf8'));
        const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomBytes(39).toString('base64').toUpperCase().replace(/[+/]/g, '0') };
        return { response: new HttpResponse({ statusCode: answer.status, headers, body }) };
      },
    },
  });

  /** Throws the exception the SDK raises for `answer` (a non-2xx response to `command`). */
  async function raise(command: object, answer: FrontResponse): Promise<never> {
    const id = String(++sequence);
    pending.set(id, answer);
    const sdkCommand = command as Parameters<DynamoDBClient['send']>[0];
    sdkCommand.middlewareStack.add(
      (next) => async (args) => {
        if (HttpRequest.isInstance(args.request)) args.request.headers[REPLAY_HEADER] = id;
        return next(args);
      },
      { step: 'build', name: 'cruddurReplay', override: true },
    );
    try {
      await replay.send(sdkCommand);
    } finally {
      pending.delete(id);
    }
    throw new Error(`expected the SDK to raise for status ${answer.status}`);
  }

  function view(requestId?: string, signal?: AbortSignal): CommandSender {
    return {
      async send(command, options) {
        const operation = OPERATIONS.get(command.constructor as abstract new (...args: never[]) => unknown);
        if (!operation) throw new TypeError(`in-process DynamoDB client: unsupported command ${command.constructor.name}`);
        const abort = options?.abortSignal ?? signal;
        if (abort?.aborted) throw abortError(abort);
        const answer = await call(operation, toWire((command as { input: unknown }).input), requestId);
        if (answer.status < 200 || answer.status > 299) return raise(command, answer);
        const output = (answer.body ? JSON.parse(answer.body) : {}) as Record<string, unknown>;
        // Cheap test first: most answers carry no binary at all.
        if (answer.body.includes('"B')) decodeBinary(output);
        output.$metadata = { httpStatusCode: answer.status, attempts: 1, totalRetryDelay: 0 };
        return output;
      },
    };
  }

  return { view, close: () => replay.destroy() };
}

export type InProcessClient = ReturnType<typeof inProcessClient>;
