/**
 * Test support: one AppSync real-time connection (Lambda-mode auth, `header-` subprotocol as
 * Amplify v6 sends it) that starts subscriptions and collects their `data` frames.
 */
import WebSocket from 'ws';

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export interface Subscription {
  /** Payloads of `data` frames received so far (`payload.data.<field>`). */
  events: any[];
  /** Resolves with the next event (or rejects after timeoutMs). */
  next(timeoutMs?: number): Promise<any>;
}

export class RealtimeClient {
  private frames: any[] = [];
  private waiters: ((f: any) => void)[] = [];
  private subs = new Map<string, { events: any[]; waiters: ((e: any) => void)[] }>();
  private counter = 0;

  private constructor(
    private ws: WebSocket,
    private auth: Record<string, string>,
  ) {
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      if (frame.type === 'data') {
        const sub = this.subs.get(frame.id);
        if (sub) {
          const value = Object.values(frame.payload.data ?? {})[0];
          const w = sub.waiters.shift();
          if (w) w(value);
          else sub.events.push(value);
          return;
        }
      }
      if (frame.type === 'ka') return;
      const w = this.waiters.shift();
      if (w) w(frame);
      else this.frames.push(frame);
    });
  }

  /** Connects to `<graphql url>/realtime` over ws:// with `Authorization: token`. */
  static async connect(graphqlUrl: string, token: string): Promise<RealtimeClient> {
    const url = new URL(graphqlUrl);
    const auth = { Authorization: token, host: url.host };
    const ws = new WebSocket(`ws://${url.host}${url.pathname}/realtime`, ['graphql-ws', `header-${b64url(auth)}`]);
    const client = new RealtimeClient(ws, auth);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    client.ws.send(JSON.stringify({ type: 'connection_init' }));
    const ack = await client.nextFrame();
    if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
    return client;
  }

  private nextFrame(timeoutMs = 5000): Promise<any> {
    if (this.frames.length) return Promise.resolve(this.frames.shift());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push((f) => {
        clearTimeout(timer);
        resolve(f);
      });
    });
  }

  /** Starts a subscription; resolves once `start_ack` arrives, rejects with the `error` frame's errors. */
  async subscribe(query: string, variables: Record<string, unknown>): Promise<Subscription> {
    this.counter += 1;
    const id = `sub-${this.counter}`;
    const state = { events: [] as any[], waiters: [] as ((e: any) => void)[] };
    this.subs.set(id, state);
    this.ws.send(JSON.stringify({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization: this.auth } } }));
    const frame = await this.nextFrame();
    if (frame.type === 'error') {
      this.subs.delete(id);
      const err = new Error(`subscription refused: ${JSON.stringify(frame.payload?.errors)}`) as Error & { errors: any[] };
      err.errors = frame.payload?.errors ?? [];
      throw err;
    }
    if (frame.type !== 'start_ack' || frame.id !== id) throw new Error(`expected start_ack for ${id}, got ${JSON.stringify(frame)}`);
    return {
      events: state.events,
      next(timeoutMs = 5000) {
        if (state.events.length) return Promise.resolve(state.events.shift());
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
          state.waiters.push((e) => {
            clearTimeout(timer);
            resolve(e);
          });
        });
      },
    };
  }

  close(): void {
    this.ws.close();
  }
}
