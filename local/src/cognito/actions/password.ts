/** ForgotPassword, ConfirmForgotPassword, ChangePassword. */
import { consumeCode, issueCode } from '../codes.ts';
import { CognitoError, codeMismatch, incorrectCredentials, invalidParameter } from '../errors.ts';
import { verifyPassword } from '../password/hash.ts';
import { checkPassword } from '../password/policy.ts';
import type { Action } from '../pool.ts';
import { emailDelivery, isEmail, optionalRecord, requireClient, requireString } from './input.ts';
import { setPassword, triggerAttributes } from './users.ts';

export const forgotPassword: Action = async (pool, input) => {
  requireClient(pool, input);
  const name = requireString(input, 'Username');
  const user = pool.store.findBySignInName(name);
  if (!user) {
    // With PreventUserExistenceErrors Cognito pretends a code went out.
    if (pool.definition.client.preventUserExistenceErrors) return { CodeDeliveryDetails: emailDelivery(isEmail(name) ? name : 'x@x') };
    throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
  }
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (user.attributes.email_verified !== 'true') {
    throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  const code = issueCode(user, 'reset');
  pool.outbox.send(user.attributes.email, 'reset', code);
  await pool.store.save();
  return { CodeDeliveryDetails: emailDelivery(user.attributes.email) };
};

export const confirmForgotPassword: Action = async (pool, input) => {
  const clientId = requireClient(pool, input);
  const name = requireString(input, 'Username');
  const code = requireString(input, 'ConfirmationCode');
  const password = checkPassword(input.Password, pool.definition.passwordPolicy);
  const clientMetadata = optionalRecord(input, 'ClientMetadata');
  const user = pool.store.findBySignInName(name);
  if (!user) {
    if (pool.definition.client.preventUserExistenceErrors) throw codeMismatch();
    throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
  }
  try {
    consumeCode(user, 'reset', code);
  } finally {
    await pool.store.save();
  }
  await setPassword(pool, user, password);
  if (user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD') user.status = 'CONFIRMED';
  await pool.store.save();
  await pool.triggers.postConfirmation('PostConfirmation_ConfirmForgotPassword', { userName: user.username, clientId, userAttributes: triggerAttributes(user), clientMetadata });
  return {};
};

export const changePassword: Action = async (pool, input) => {
  const { user } = pool.verifyAccess(input.AccessToken);
  const previous = requireString(input, 'PreviousPassword');
  const proposed = checkPassword(input.ProposedPassword, pool.definition.passwordPolicy, 'proposedPassword');
  if (!(await verifyPassword(previous, user.passwordHash))) throw incorrectCredentials();
  await setPassword(pool, user, proposed);
  await pool.store.save();
  return {};
};
