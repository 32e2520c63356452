/**
 * When Cognito last confirmed each token's session alive, per container: the authorizer's
 * "stale if error" memory. While Cognito cannot answer (throttled, unreachable), only a token it
 * confirmed recently is admitted, so neither an outage nor a flood of GetUser calls meant to
 * exhaust the account's quota lets an unchecked (possibly revoked) token in (decision 013).
 */

/** Tokens remembered at most; the oldest confirmation is forgotten first. */
const capacity = 10_000;

export interface LastConfirmed {
  /** Cognito said the session is alive now. */
  confirm(token: string, nowMs: number): void;
  /** Cognito refused the session: never admit it on memory again. */
  forget(token: string): void;
  /** Was the session confirmed alive within `windowMs` before `nowMs`? */
  within(token: string, windowMs: number, nowMs: number): boolean;
}

/** A JWT's signature identifies it (the token is verified before this is asked). */
const keyOf = (token: string) => token.slice(token.lastIndexOf('.') + 1);

export function createLastConfirmed(): LastConfirmed {
  const at = new Map<string, number>();
  return {
    confirm(token, nowMs) {
      const key = keyOf(token);
      at.delete(key); // re-insert: Map order is confirmation order
      at.set(key, nowMs);
      if (at.size > capacity) at.delete(at.keys().next().value as string);
    },
    forget(token) {
      at.delete(keyOf(token));
    },
    within(token, windowMs, nowMs) {
      const t = at.get(keyOf(token));
      return t !== undefined && nowMs - t <= windowMs;
    },
  };
}
