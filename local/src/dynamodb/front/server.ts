/**
 * The DynamoDB endpoint everything talks to (SDK clients, resolvers' data source, Lambdas via
 * `AWS_ENDPOINT_URL_DYNAMODB`). It relays the DynamoDB JSON API to the store and, for every
 * write, captures old/new images under one write lock and commits stream records before it
 * answers — so writes from any client produce records, in commit order. It also supplies what the
 * embedded store lacks: transactions and TTL settings. Requests are authenticated only by shape
 * (a SigV4 `Authorization` header must be present), like dynalite and DynamoDB Local.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { BackendError, type Backend } from '../backend.ts';
import { Mutex } from '../mutex.ts';
import type { StreamHub } from '../streams/hub.ts';
import type { Change } from '../streams/record.ts';
import { ItemReader } from './items.ts';
import { keyValidationError } from './key-validation.ts';
import { observeStream, tableOperation } from './tables.ts';
import { WriteJournal } from './journal.ts';
import { isRequestId } from '../streams/correlation.ts';
import { awsError, REQUEST_ID_HEADER, TARGET_PREFIX, type FrontResponse } from './protocol.ts';
import { transactGetItems, transactWriteItems } from './transactions.ts';
import { TtlSettings } from './ttl-settings.ts';
import { batchWriteItem, deleteItem, putItem, transactWriteForward, updateItem, type WriteContext, type WriteOutcome } from './writes.ts';
import type { IntendedChange } from './journal.ts';
import { createHostCheck, refusedHostMessage, type HostCheck } from '../../host-check/host-check.ts';

const MAX_BODY = 16 * 1024 * 1024;
/** Operations whose keys the front validates before reading or writing anything (key-validation.ts). */
const KEYED_OPERATIONS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems']);

export interface Front {
  endpoint: string;
  reader: ItemReader;
  ttl: TtlSettings;
  /** Resolves once no write is in progress or queued. */
  writesIdle(): boolean;
  /** Runs `fn` under the write lock (the TTL sweeper deletes through it). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** The crash journal, for writers that bypass HTTP (the TTL sweeper). */
  journal: WriteJournal;
  /**
   * The endpoint's API without HTTP, for in-process callers (the AppSync data source): the same
   * dispatch, stream capture and error bodies as a POST with `X-Amz-Target: DynamoDB_20120810.<operation>`.
   * `requestId`: the GraphQL request behind the call (what REQUEST_ID_HEADER carries over HTTP).
   */
  call(operation: string, input: Record<string, unknown>, requestId?: string): Promise<FrontResponse>;
  close(): Promise<void>;
}

export interface FrontOptions {
  backend: Backend;
  hub: StreamHub;
  port?: number;
  host?: string;
  /** Where TTL settings and the write journal live (`<dataDir>/dynamodb`); in memory when absent. */
  stateDir?: string;
  /** Which Host headers are served (default: loopback + ALLOWED_HOSTS). */
  hostCheck?: HostCheck;
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const { backend, hub } = options;
  // An external store reports its tables' stream settings itself; the front learns them.
  const reader = new ItemReader(backend, backend.embedded ? undefined : (name, table) => observeStream(hub, name, table));
  const ttl = new TtlSettings(options.stateDir);
  const journal = new WriteJournal(options.stateDir, hub);
  const lock = new Mutex();
  await journal.recover(backend, reader);

  async function write(run: () => Promise<{ response: FrontResponse; changes: Change[] }>, requestId?: string): Promise<FrontResponse> {
    return lock.run(async () => {
      try {
        const { response, changes } = await run();
        hub.commit(changes, requestId);
        return response;
      } finally {
        journal.end();
      }
    });
  }

  /** `requestId`: the GraphQL request behind this call, if the caller named one (REQUEST_ID_HEADER). */
  async function dispatch(operation: string, input: Record<string, unknown>, requestId?: string): Promise<FrontResponse> {
    const forward = () => backend.call(operation, input);
    const tableName = typeof input.TableName === 'string' ? input.TableName : '';
    const intend = (items: IntendedChange[], transaction = false) => journal.begin(items, transaction);
    const capture = (fn: (i: never, c: WriteContext) => Promise<WriteOutcome>) => write(() => fn(input as never, { reader, forward, intend }), requestId);
    if (KEYED_OPERATIONS.has(operation)) {
      const invalid = await keyValidationError(operation, input, reader);
      if (invalid) return invalid;
    }
    switch (operation) {
      case 'PutItem':
        return capture(putItem);
      case 'UpdateItem':
        return capture(updateItem);
      case 'DeleteItem':
        return capture(deleteItem);
      case 'BatchWriteItem':
        return capture(batchWriteItem);
      case 'TransactWriteItems':
        if (!backend.embedded) return capture(transactWriteForward);
        return write(() => transactWriteItems(input as never, backend, reader, intend), requestId);
      case 'TransactGetItems':
        return backend.embedded ? lock.run(() => transactGetItems(input as never, backend)) : forward();
      case 'UpdateTimeToLive':
        if (!backend.embedded) return forward();
        return ttl.update(input, (await reader.keySchema(tableName)) !== null);
      case 'DescribeTimeToLive':
        if (!backend.embedded) return forward();
        return ttl.describe(tableName, (await reader.keySchema(tableName)) !== null);
      case 'CreateTable':
      case 'DescribeTable':
      case 'DeleteTable':
      case 'UpdateTable':
        return tableOperation(operation, input, { backend, hub, reader, exclusive: (fn) => lock.run(fn) });
      default:
        return forward();
    }
  }

  const hostCheck = options.hostCheck ?? createHostCheck();
  const server = http.createServer((req, res) => {
    // Before reading the body: a DNS-rebinding page could otherwise drive the table from a browser.
    if (!hostCheck(req.headers.host)) {
      res.setHeader('connection', 'close');
      return send(res, awsError('AccessDeniedException', refusedHostMessage(req.headers.host), {}, 403));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      void handle(req, Buffer.concat(chunks).toString('utf8'), size)
        .catch(failure)
        .then((out) => send(res, out));
    });
  });

  function failure(err: unknown): FrontResponse {
    // A request the store rejected while the front worked on it is the client's error, not ours.
    if (err instanceof BackendError && err.status >= 400 && err.status < 500) return { status: err.status, body: err.body };
    return awsError('InternalServerError', err instanceof Error ? err.message : String(err), {}, 500);
  }

  async function handle(req: http.IncomingMessage, raw: string, size: number): Promise<FrontResponse> {
    if (req.method === 'GET') return { status: 200, body: 'healthy: dynamodb.local ' };
    if (size > MAX_BODY) return { status: 413, body: '' };
    const target = String(req.headers['x-amz-target'] ?? '');
    if (req.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
      return { status: 400, body: JSON.stringify({ __type: 'com.amazon.coral.service#UnknownOperationException' }) };
    }
    const auth = String(req.headers.authorization ?? '');
    if (!auth.startsWith('AWS4-')) {
      return { status: 400, body: JSON.stringify({ __type: 'com.amazon.coral.service#MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' }) };
    }
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch {
      return { status: 400, body: JSON.stringify({ __type: 'com.amazon.coral.service#SerializationException' }) };
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      return { status: 400, body: JSON.stringify({ __type: 'com.amazon.coral.service#SerializationException' }) };
    }
    const requestId = req.headers[REQUEST_ID_HEADER];
    return dispatch(target.slice(TARGET_PREFIX.length), input as Record<string, unknown>, isRequestId(requestId) ? requestId : undefined);
  }

  function send(res: http.ServerResponse, out: FrontResponse): void {
    const body = Buffer.from(out.body, 'utf8');
    res.writeHead(out.status, {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': body.length,
      'x-amzn-requestid': randomBytes(39).toString('base64').toUpperCase().replace(/[+/]/g, '0'),
      'x-amz-crc32': String(zlib.crc32(body)),
    });
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    reader,
    ttl,
    writesIdle: () => lock.idle,
    exclusive: (fn) => lock.run(fn),
    journal,
    call: (operation, input, requestId) => dispatch(operation, input, isRequestId(requestId) ? requestId : undefined).catch(failure),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
