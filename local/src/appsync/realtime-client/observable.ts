/**
 * A subscription as the Observable GraphiQL accepts from a fetcher (`@graphiql/toolkit`):
 * each `subscribe()` opens its own connection, every failure arrives as a GraphQL result
 * `{data: null, errors}` followed by completion, and `unsubscribe()` sends `stop`, then closes.
 */
import { connectRealtime } from './connection.ts';
import type { RealtimeConnectionOptions, RealtimeRequest } from './types.ts';

/**
 * A GraphQL response as GraphiQL renders it. `any` because GraphiQL types results with graphql-js
 * classes (`GraphQLError`), while these are plain JSON from the wire, which it only formats.
 */
export interface SubscriptionResult {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  errors?: readonly any[];
}

/** The observer GraphiQL passes to `Observable.subscribe`. */
export interface ResultObserver {
  next(value: SubscriptionResult): void;
  error(error: unknown): void;
  complete(): void;
}

/** The Observable shape GraphiQL accepts: an observer or callbacks. */
export interface ResultObservable {
  subscribe(first?: ResultObserver | ((value: SubscriptionResult) => void), error?: ((error: unknown) => void) | null, complete?: () => void): { unsubscribe(): void };
}

function toObserver(first?: ResultObserver | ((value: SubscriptionResult) => void), error?: ((error: unknown) => void) | null, complete?: () => void): ResultObserver {
  if (typeof first === 'object') return first;
  return { next: first ?? (() => {}), error: error ?? (() => {}), complete: complete ?? (() => {}) };
}

/** One subscription on its own connection, as an Observable of GraphQL results. */
export function subscribeRealtime(options: RealtimeConnectionOptions & RealtimeRequest): ResultObservable {
  return {
    subscribe(first, error, complete) {
      const observer = toObserver(first, error, complete);
      const connection = connectRealtime(options);
      let done = false;
      const end = (last?: SubscriptionResult) => {
        if (done) return;
        done = true;
        if (last) observer.next(last);
        observer.complete();
        connection.close();
      };
      const subscription = connection.subscribe(options, {
        next: (result) => observer.next(result),
        error: (errors) => end({ data: null, errors }),
        complete: () => end(),
      });
      return {
        unsubscribe() {
          if (done) return;
          done = true;
          void subscription.stop().then(() => connection.close());
        },
      };
    },
  };
}
