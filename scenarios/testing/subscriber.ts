/**
 * Test support: one AppSync real-time connection (Lambda-mode auth, the `header-` subprotocol as
 * Amplify v6 sends it) through the shared client (`local/src/appsync/realtime-client`), with a
 * queue per subscription so a test can await the next event.
 */
import { connectRealtime, RealtimeError, type RealtimeConnection, type RealtimeResult } from '../../local/src/appsync/realtime-client/index.ts';
import { nodeWebSocket } from '../../local/src/appsync/realtime-client/node-socket.ts';
import { authHeaderFor, realtimeUrlFor } from '../../local/src/appsync/realtime-client/url.ts';

export interface Subscription {
  /** Events received and not yet taken by `next()` (each `data` frame's `payload.data.<field>`). */
  events: any[];
  /** Resolves with the next event (or rejects after timeoutMs). */
  next(timeoutMs?: number): Promise<any>;
  /** Resolves when the server ends the subscription with `complete` (e.g. an invalidation). */
  completed: Promise<void>;
}

export class RealtimeClient {
  private constructor(private readonly connection: RealtimeConnection) {}

  /** Connects to `<graphql url>/realtime` over ws:// with `Authorization: token`. */
  static async connect(graphqlUrl: string, token: string): Promise<RealtimeClient> {
    const connection = connectRealtime({ url: realtimeUrlFor(graphqlUrl), auth: authHeaderFor(graphqlUrl, { Authorization: token }), WebSocket: nodeWebSocket() });
    await connection.ready;
    return new RealtimeClient(connection);
  }

  /** Starts a subscription; resolves once `start_ack` arrives, rejects with the `error` frame's errors. */
  async subscribe(query: string, variables: Record<string, unknown>): Promise<Subscription> {
    const events: any[] = [];
    const waiters: ((event: any) => void)[] = [];
    let onComplete: () => void = () => {};
    const completed = new Promise<void>((resolve) => {
      onComplete = resolve;
    });
    const sub = this.connection.subscribe(
      { query, variables },
      {
        next: (result: RealtimeResult) => {
          const value = Object.values((result.data ?? {}) as Record<string, unknown>)[0];
          const waiter = waiters.shift();
          if (waiter) waiter(value);
          else events.push(value);
        },
        error: () => {}, // surfaced by `acknowledged` below, or by a `next()` that times out
        complete: () => onComplete(),
      },
    );
    try {
      await sub.acknowledged;
    } catch (err) {
      const errors = err instanceof RealtimeError ? err.errors : [];
      throw Object.assign(new Error(`subscription refused: ${JSON.stringify(errors)}`), { errors });
    }
    return {
      events,
      completed,
      next(timeoutMs = 5000) {
        if (events.length) return Promise.resolve(events.shift());
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
          waiters.push((event) => {
            clearTimeout(timer);
            resolve(event);
          });
        });
      },
    };
  }

  close(): void {
    this.connection.close();
  }
}
