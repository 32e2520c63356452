/**
 * The Admin* actions seeding and tests need. Real Cognito requires IAM (SigV4) credentials for
 * these; offline the HTTP layer accepts them only from loopback.
 */
import { randomBytes } from 'node:crypto';
import { CognitoError } from '../errors.ts';
import { checkPassword } from '../password/policy.ts';
import type { Action, ActionInput, Pool } from '../pool.ts';
import type { UserRecord } from '../store/types.ts';
import { checkNewUserAttributes } from './attributes.ts';
import { attributeList, invalidEmail, requirePoolId, requireString, toAttributeList } from './input.ts';
import { newUser, revokeAllSessions, setPassword, triggerAttributes } from './users.ts';

function adminUser(pool: Pool, input: ActionInput): UserRecord {
  requirePoolId(pool, input);
  const user = pool.store.findBySignInName(requireString(input, 'Username'));
  if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return user;
}

const describe = (user: UserRecord) => ({
  Username: user.username,
  UserAttributes: toAttributeList(user.attributes),
  UserCreateDate: user.createdAt / 1000,
  UserLastModifiedDate: user.updatedAt / 1000,
  Enabled: user.enabled,
  UserStatus: user.status,
});

export const adminCreateUser: Action = async (pool, input) => {
  requirePoolId(pool, input);
  const username = requireString(input, 'Username').trim();
  invalidEmail(username);
  const attributes = { ...attributeList(input, 'UserAttributes'), email: username };
  checkNewUserAttributes(pool.definition, attributes);
  if (pool.store.findBySignInName(username)) throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
  const temporary =
    input.TemporaryPassword === undefined
      ? `Tmp-${randomBytes(9).toString('base64url')}1a`
      : checkPassword(input.TemporaryPassword, pool.definition.passwordPolicy, 'temporaryPassword');
  const user = await newUser(pool, attributes, temporary, 'FORCE_CHANGE_PASSWORD');
  await pool.triggers.preSignUp('PreSignUp_AdminCreateUser', { userName: user.username, clientId: 'CLIENT_ID_NOT_APPLICABLE', userAttributes: attributes });
  user.temporaryPasswordExpiresAt = Date.now() + pool.definition.passwordPolicy.temporaryPasswordValidityDays * 86400_000;
  if (pool.store.findBySignInName(username)) throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
  pool.store.putUser(user);
  await pool.store.save();
  return { User: describe(user) };
};

export const adminGetUser: Action = async (pool, input) => describe(adminUser(pool, input));

export const adminConfirmSignUp: Action = async (pool, input) => {
  const user = adminUser(pool, input);
  if (user.status !== 'UNCONFIRMED') throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
  user.status = 'CONFIRMED';
  user.updatedAt = Date.now();
  await pool.store.save();
  await pool.triggers.postConfirmation('PostConfirmation_ConfirmSignUp', { userName: user.username, clientId: 'CLIENT_ID_NOT_APPLICABLE', userAttributes: triggerAttributes(user) });
  return {};
};

export const adminSetUserPassword: Action = async (pool, input) => {
  const user = adminUser(pool, input);
  const password = checkPassword(input.Password, pool.definition.passwordPolicy);
  await setPassword(pool, user, password);
  if (input.Permanent === true) {
    if (user.status === 'FORCE_CHANGE_PASSWORD' || user.status === 'RESET_REQUIRED') user.status = 'CONFIRMED';
    delete user.temporaryPasswordExpiresAt;
  } else {
    user.status = 'FORCE_CHANGE_PASSWORD';
    user.temporaryPasswordExpiresAt = Date.now() + pool.definition.passwordPolicy.temporaryPasswordValidityDays * 86400_000;
  }
  await pool.store.save();
  return {};
};

export const adminDeleteUser: Action = async (pool, input) => {
  const user = adminUser(pool, input);
  revokeAllSessions(pool, user.username);
  pool.store.deleteUser(user.username);
  await pool.store.save();
  return {};
};

export const adminDisableUser: Action = async (pool, input) => {
  const user = adminUser(pool, input);
  user.enabled = false;
  revokeAllSessions(pool, user.username);
  await pool.store.save();
  return {};
};

export const adminEnableUser: Action = async (pool, input) => {
  adminUser(pool, input).enabled = true;
  await pool.store.save();
  return {};
};

export const adminUserGlobalSignOut: Action = async (pool, input) => {
  revokeAllSessions(pool, adminUser(pool, input).username);
  await pool.store.save();
  return {};
};
