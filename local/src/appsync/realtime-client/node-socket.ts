/**
 * The `ws` package as the client's socket class in Node (Node 20 has no global WebSocket), with
 * `ws` client options such as `perMessageDeflate` or a `ca` to trust the local certificate.
 * Node only: the explorer's browser bundle never imports this file.
 */
import { WebSocket, type ClientOptions } from 'ws';
import type { WebSocketClass } from './types.ts';

/** A socket class for `connectRealtime({ WebSocket })` that opens `ws` sockets with `options`. */
export function nodeWebSocket(options: ClientOptions = {}): WebSocketClass {
  class NodeSocket extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, options);
    }
  }
  // `ws` implements the WHATWG surface the client uses (addEventListener, readyState, send, close).
  return NodeSocket as unknown as WebSocketClass;
}
