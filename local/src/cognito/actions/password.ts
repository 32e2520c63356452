/** ForgotPassword, ConfirmForgotPassword, ChangePassword. */
import { consumeCode, issueCode } from '../codes.ts';
import { CognitoError, codeMismatch, incorrectCredentials, invalidParameter, limitExceeded } from '../errors.ts';
import { verifyPassword } from '../password/hash.ts';
import { checkPassword } from '../password/policy.ts';
import type { Action } from '../pool.ts';
import { hiddenUser, simulatedDelivery } from './existence.ts';
import { emailDelivery, optionalRecord, requireClient, requireString } from './input.ts';
import { assertNotLocked, recordFailure } from './lockout.ts';
import { setPassword, triggerAttributes } from './users.ts';

/**
 * With existence errors hidden, a name that is unknown, disabled or has no verified email gets
 * "CodeDeliveryDetails with a simulated delivery medium" (Developer Guide, "Managing user
 * existence error responses"); its decoy record counts the sends, so the hourly limit bites alike.
 */
export const forgotPassword: Action = async (pool, input) => {
  requireClient(pool, input);
  const name = requireString(input, 'Username');
  const user = pool.store.findBySignInName(name);
  const eligible = user && user.enabled && user.attributes.email_verified === 'true';
  if (!eligible && pool.definition.client.preventUserExistenceErrors) {
    issueCode(pool.decoys.record(name), 'reset');
    await pool.store.save();
    return { CodeDeliveryDetails: simulatedDelivery(name) };
  }
  if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (!eligible) throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  const code = issueCode(user, 'reset');
  pool.outbox.send(user.attributes.email, 'reset', code);
  await pool.store.save();
  return { CodeDeliveryDetails: emailDelivery(user.attributes.email) };
};

/**
 * Unknown and disabled users get CodeMismatchException (Developer Guide, as above) — from their
 * decoy record, so a name that never asked for a code gets ExpiredCodeException and a burned one
 * LimitExceededException, exactly as a real user's would.
 */
export const confirmForgotPassword: Action = async (pool, input) => {
  const clientId = requireClient(pool, input);
  const name = requireString(input, 'Username');
  const code = requireString(input, 'ConfirmationCode');
  const password = checkPassword(input.Password, pool.definition.passwordPolicy);
  const clientMetadata = optionalRecord(input, 'ClientMetadata');
  const user = pool.store.findBySignInName(name);
  const hidden = hiddenUser(pool, name, user);
  if (!user && !hidden) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
  try {
    consumeCode(hidden ?? user!, 'reset', code);
  } finally {
    await pool.store.save();
  }
  // A decoy's code was never sent; matching it by chance must not look like success either.
  if (hidden || !user) throw codeMismatch();
  await setPassword(pool, user, password);
  if (user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD') user.status = 'CONFIRMED';
  await pool.store.save();
  await pool.triggers.postConfirmation('PostConfirmation_ConfirmForgotPassword', { userName: user.username, clientId, userAttributes: triggerAttributes(user), clientMetadata });
  return {};
};

/**
 * A wrong PreviousPassword counts toward the same lockout as sign-in. During a lock Cognito
 * answers ChangePassword with LimitExceededException "Attempt limit exceeded, please try after
 * some time." (aws-amplify/aws-sdk-android #627, reproduced by a maintainer; reapit/foundations
 * #2294 shows the wire body), not sign-in's "Password attempts exceeded".
 */
export const changePassword: Action = async (pool, input) => {
  const { user } = pool.verifyAccess(input.AccessToken);
  const previous = requireString(input, 'PreviousPassword');
  const proposed = checkPassword(input.ProposedPassword, pool.definition.passwordPolicy, 'proposedPassword');
  assertNotLocked(pool, user, limitExceeded);
  if (!(await verifyPassword(previous, user.passwordHash))) return recordFailure(pool, user, incorrectCredentials);
  await setPassword(pool, user, proposed);
  await pool.store.save();
  return {};
};
