/**
 * AppSync's real-time WebSocket protocol for GraphQL subscriptions, defined once: the message type
 * enum, one readonly interface per message, the error shapes AppSync sends, and ONE validator used
 * both when parsing what a client sent and before the server serialises what it sends.
 * docs/realtime.md mirrors this file section by section.
 *
 * Sources: AWS AppSync Developer Guide, "Building a real-time WebSocket client";
 * `@aws-amplify/api-graphql` 4.10.1 (`Providers/constants`, `AWSAppSyncRealTimeProvider`).
 */

/** The WebSocket subprotocol AppSync speaks; the server must select it in the handshake. */
export const SUBPROTOCOL = 'graphql-ws';
/** Prefix of the second subprotocol that carries the base64url auth header (Amplify v6). */
export const HEADER_SUBPROTOCOL_PREFIX = 'header-';

export enum MessageType {
  ConnectionInit = 'connection_init',
  ConnectionAck = 'connection_ack',
  ConnectionError = 'connection_error',
  KeepAlive = 'ka',
  Start = 'start',
  StartAck = 'start_ack',
  Data = 'data',
  Error = 'error',
  Stop = 'stop',
  Complete = 'complete',
}

/** One entry of an `error`/`connection_error` payload. AppSync omits `errorType` on some 400s. */
export interface ProtocolErrorEntry {
  readonly errorType?: string;
  readonly message: string;
  readonly errorCode?: number;
}

// ---- client → server -------------------------------------------------------------------------

export interface ConnectionInitMessage {
  readonly type: MessageType.ConnectionInit;
  readonly payload?: Record<string, unknown>;
}

export interface StartMessage {
  readonly type: MessageType.Start;
  readonly id: string;
  readonly payload: {
    /** JSON string `{query, variables, operationName?}`: exactly the bytes IAM signs. */
    readonly data: string;
    readonly extensions?: { readonly authorization?: Record<string, unknown> };
  };
}

export interface StopMessage {
  readonly type: MessageType.Stop;
  readonly id: string;
}

export type ClientMessage = ConnectionInitMessage | StartMessage | StopMessage;

// ---- server → client -------------------------------------------------------------------------

export interface ConnectionAckMessage {
  readonly type: MessageType.ConnectionAck;
  readonly payload: { readonly connectionTimeoutMs: number };
}

export interface ConnectionErrorMessage {
  readonly type: MessageType.ConnectionError;
  readonly payload: { readonly errors: readonly ProtocolErrorEntry[] };
}

export interface KeepAliveMessage {
  readonly type: MessageType.KeepAlive;
}

export interface StartAckMessage {
  readonly type: MessageType.StartAck;
  readonly id: string;
}

export interface DataMessage {
  readonly type: MessageType.Data;
  readonly id: string;
  /** A GraphQL response: `{data: {<field>: …}, errors?}`. */
  readonly payload: { readonly data: unknown; readonly errors?: readonly unknown[] };
}

/** `id` is absent when the error is not about one operation (e.g. an unparsable frame). */
export interface ErrorMessage {
  readonly type: MessageType.Error;
  readonly id?: string;
  readonly payload: { readonly errors: readonly ProtocolErrorEntry[] };
}

export interface CompleteMessage {
  readonly type: MessageType.Complete;
  readonly id: string;
}

export type ServerMessage =
  | ConnectionAckMessage
  | ConnectionErrorMessage
  | KeepAliveMessage
  | StartAckMessage
  | DataMessage
  | ErrorMessage
  | CompleteMessage;

export type Message = ClientMessage | ServerMessage;

// ---- errors AppSync sends (wording as observed from the service; see docs/realtime.md) ---------

export const Errors = {
  /** Handshake without `Sec-WebSocket-Protocol` (aws/aws-appsync-community#195). */
  noProtocol: (): ProtocolErrorEntry => ({ message: 'NoProtocolError', errorCode: 400 }),
  /** Handshake offering subprotocols but not `graphql-ws` (graphql-dotnet/graphql-client#591). */
  subProtocolNotSupported: (): ProtocolErrorEntry => ({ message: 'SubProtocolNotSupportedError', errorCode: 400 }),
  /** Connection-level authentication failure (amplify-flutter#2763 shows the exact frame). */
  unauthorized: (message = 'You are not authorized to make this call.', errorCode = 401): ProtocolErrorEntry => ({
    errorType: 'UnauthorizedException',
    message,
    errorCode,
  }),
  badRequest: (message: string): ProtocolErrorEntry => ({ errorType: 'BadRequestException', message, errorCode: 400 }),
  /** Unknown or unparsable frame: AppSync names the operation `unknown` (enisdenjo/graphql-ws#602). */
  unsupportedOperation: (): ProtocolErrorEntry => ({
    errorType: 'UnsupportedOperation',
    message: 'unknown not supported through the realtime channel',
  }),
  /** Re-used subscription id (observed frame: "Duplicated operation with id <id>"). */
  duplicatedOperation: (id: string): ProtocolErrorEntry => ({
    errorType: 'DuplicatedOperationError',
    message: `Duplicated operation with id ${id}`,
  }),
  /** Per-connection subscription quota (aws-amplify/amplify-cli#3547 shows the wording). */
  maxSubscriptions: (max: number): ProtocolErrorEntry => ({
    errorType: 'MaxSubscriptionsReachedError',
    message: `Max number of ${max} subscriptions reached`,
  }),
} as const;

// ---- the one validator -------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function validErrors(v: unknown): string | null {
  if (!isRecord(v) || !Array.isArray(v.errors)) return 'payload.errors must be an array';
  for (const e of v.errors) {
    if (!isRecord(e) || typeof e.message !== 'string') return 'every error needs a string message';
    if (e.errorType !== undefined && typeof e.errorType !== 'string') return 'errorType must be a string';
    if (e.errorCode !== undefined && typeof e.errorCode !== 'number') return 'errorCode must be a number';
  }
  return null;
}

/**
 * Checks any protocol message, in either direction. Returns null when valid, otherwise why not.
 * Used by `parseClientMessage` on input and `stringifyServerMessage` on output.
 */
export function validateMessage(value: unknown): string | null {
  if (!isRecord(value)) return 'message must be a JSON object';
  const { type, id, payload } = value;
  switch (type) {
    case MessageType.ConnectionInit:
      return payload === undefined || payload === null || isRecord(payload) ? null : 'payload must be an object';
    case MessageType.Start: {
      if (!isId(id)) return 'start needs a non-empty string id';
      if (!isRecord(payload) || typeof payload.data !== 'string') return 'start needs payload.data (a JSON string)';
      const ext = payload.extensions;
      if (ext !== undefined && ext !== null) {
        if (!isRecord(ext)) return 'payload.extensions must be an object';
        if (ext.authorization !== undefined && !isRecord(ext.authorization)) return 'extensions.authorization must be an object';
      }
      return null;
    }
    case MessageType.Stop:
    case MessageType.StartAck:
    case MessageType.Complete:
      return isId(id) ? null : `${type} needs a non-empty string id`;
    case MessageType.ConnectionAck:
      return isRecord(payload) && typeof payload.connectionTimeoutMs === 'number' ? null : 'connection_ack needs connectionTimeoutMs';
    case MessageType.KeepAlive:
      return null;
    case MessageType.Data:
      if (!isId(id)) return 'data needs a non-empty string id';
      return isRecord(payload) && 'data' in payload ? null : 'data needs payload.data';
    case MessageType.Error:
      if (id !== undefined && !isId(id)) return 'error id must be a non-empty string';
      return validErrors(payload);
    case MessageType.ConnectionError:
      return validErrors(payload);
    default:
      return 'unknown message type';
  }
}

const CLIENT_TYPES: ReadonlySet<unknown> = new Set([MessageType.ConnectionInit, MessageType.Start, MessageType.Stop]);

/** Why a client frame was rejected; `id` is set when the frame named an operation. */
export class ProtocolError extends Error {
  constructor(
    readonly entry: ProtocolErrorEntry,
    readonly id?: string,
  ) {
    super(entry.message);
  }
}

/** Parses one client frame; throws ProtocolError carrying the error AppSync would send back. */
export function parseClientMessage(text: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError(Errors.unsupportedOperation());
  }
  if (!isRecord(value) || !CLIENT_TYPES.has(value.type)) throw new ProtocolError(Errors.unsupportedOperation());
  const problem = validateMessage(value);
  if (problem) throw new ProtocolError(Errors.badRequest(problem), isId(value.id) ? value.id : undefined);
  return value as unknown as ClientMessage;
}

/** Serialises a server message after validating it: a malformed outgoing frame is a server bug. */
export function stringifyServerMessage(message: ServerMessage): string {
  const problem = validateMessage(message);
  if (problem) throw new Error(`refusing to send an invalid ${message.type} frame: ${problem}`);
  return JSON.stringify(message);
}

/**
 * The constant prefix of every `data` frame for one subscription id. Fan-out serialises a
 * payload once per group and sends `prefix + payloadJson + '}'` to each socket, so the per-socket
 * cost is one string concatenation; `validateMessage` has checked the payload shape once.
 */
export function dataFramePrefix(id: string): string {
  return `{"type":"data","id":${JSON.stringify(id)},"payload":`;
}
