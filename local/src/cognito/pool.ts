/** Everything an action needs about one user pool, built once by `startCognito`. */
import type { UserPoolDefinition } from '../app-definition.ts';
import type { Decoys } from './decoys/decoys.ts';
import type { Outbox } from './outbox/outbox.ts';
import type { SrpServer } from './srp/server.ts';
import type { PoolStore } from './store/pool-store.ts';
import type { TokenSettings } from './tokens/issue.ts';
import type { PoolKeys } from './tokens/keys.ts';
import type { AccessTokenVerifier } from './tokens/verify.ts';
import type { Triggers } from './triggers/triggers.ts';

export interface Pool {
  definition: UserPoolDefinition;
  userPoolId: string;
  /** The part of the pool id after `_`: SRP mixes it into every verifier. */
  poolName: string;
  clientId: string;
  store: PoolStore;
  keys: PoolKeys;
  srp: SrpServer;
  /** Stand-ins for unknown sign-in names (fake SRP values, hash, lockout and code counters). */
  decoys: Decoys;
  /** Clock for lockouts (ms since the epoch). */
  now: () => number;
  outbox: Outbox;
  triggers: Triggers;
  tokens: TokenSettings;
  verifyAccess: AccessTokenVerifier;
}

/** The JSON body of one request; actions validate what they read. */
export type ActionInput = Record<string, unknown>;
export type Action = (pool: Pool, input: ActionInput) => Promise<Record<string, unknown>>;
