/**
 * The AppSync real-time client: one module for the explorer (browser), the benchmarks and the
 * tests (Node, with `./node-socket.ts`). `connectRealtime` multiplexes subscriptions on one
 * connection; `subscribeRealtime` is one subscription as a GraphiQL Observable.
 */
export { connectRealtime, RealtimeConnection } from './connection.ts';
export { subscribeRealtime, type ResultObservable, type SubscriptionResult } from './observable.ts';
export { RealtimeError, type RealtimeConnectionOptions, type RealtimeObserver, type RealtimeRequest, type RealtimeResult, type RealtimeSubscription, type WebSocketClass } from './types.ts';
export { authHeaderFor, encodeAuthHeader, realtimeUrlFor, type RealtimeAuthHeader } from './url.ts';
