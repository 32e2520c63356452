/**
 * Hiding whether a user exists (PreventUserExistenceErrors = ENABLED, as the pool declares):
 * the decoy record that answers for an unknown — or, where Cognito says so, disabled — user,
 * and the simulated delivery details Cognito returns instead of UserNotFoundException.
 */
import type { Pool } from '../pool.ts';
import type { DecoyRecord, UserRecord } from '../store/types.ts';
import { emailDelivery, isEmail } from './input.ts';

/**
 * The decoy record standing in for `user` when existence errors are hidden and the user is
 * unknown or disabled; undefined when the real user should answer (or hiding is off).
 */
export function hiddenUser(pool: Pool, name: string, user: UserRecord | undefined): DecoyRecord | undefined {
  if (!pool.definition.client.preventUserExistenceErrors || (user && user.enabled)) return undefined;
  return pool.decoys.record(name);
}

/** "A simulated delivery medium … determined by the input user name format": the name itself, masked, when it is an email. */
export const simulatedDelivery = (name: string) => emailDelivery(isEmail(name.trim()) ? name.trim() : 'x@x');
