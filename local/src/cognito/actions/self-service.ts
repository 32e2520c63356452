/** Actions a signed-in user calls with their access token: GetUser, attributes, sign-out, DeleteUser. */
import { consumeCode, issueCode } from '../codes.ts';
import { CognitoError, invalidParameter } from '../errors.ts';
import type { Action } from '../pool.ts';
import { hashRefreshToken } from '../tokens/issue.ts';
import { checkAttributeUpdate } from './attributes.ts';
import { attributeList, emailDelivery, requireClient, requireString, toAttributeList } from './input.ts';
import { revokeAllSessions, revokeSession } from './users.ts';

export const getUser: Action = async (pool, input) => {
  const { user } = pool.verifyAccess(input.AccessToken);
  return { Username: user.username, UserAttributes: toAttributeList(user.attributes) };
};

export const updateUserAttributes: Action = async (pool, input) => {
  const { user } = pool.verifyAccess(input.AccessToken);
  const updates = attributeList(input, 'UserAttributes');
  checkAttributeUpdate(pool.definition, updates);
  const deliveries = [];
  if (updates.email !== undefined && updates.email.toLowerCase() !== user.attributes.email.toLowerCase()) {
    const other = pool.store.findBySignInName(updates.email);
    if (other && other.username !== user.username) throw new CognitoError('AliasExistsException', 'An account with the given email already exists.');
  }
  const previousEmail = user.attributes.email;
  const emailChanged = updates.email !== undefined && updates.email !== previousEmail;
  Object.assign(user.attributes, updates);
  user.updatedAt = Date.now();
  if (emailChanged) {
    // A new address is unverified until the user enters the code sent to it.
    user.attributes.email_verified = 'false';
    pool.outbox.send(user.attributes.email, 'verify_email', issueCode(user, 'verify_email'));
    deliveries.push(emailDelivery(user.attributes.email));
  }
  pool.store.putUser(user, previousEmail);
  await pool.store.save();
  return { CodeDeliveryDetailsList: deliveries };
};

export const getUserAttributeVerificationCode: Action = async (pool, input) => {
  const { user } = pool.verifyAccess(input.AccessToken);
  const attribute = requireString(input, 'AttributeName');
  if (attribute !== 'email') throw invalidParameter(`Invalid attribute name: ${attribute}`);
  const code = issueCode(user, 'verify_email');
  pool.outbox.send(user.attributes.email, 'verify_email', code);
  await pool.store.save();
  return { CodeDeliveryDetails: emailDelivery(user.attributes.email) };
};

export const verifyUserAttribute: Action = async (pool, input) => {
  const { user } = pool.verifyAccess(input.AccessToken);
  const attribute = requireString(input, 'AttributeName');
  const code = requireString(input, 'Code');
  if (attribute !== 'email') throw invalidParameter(`Invalid attribute name: ${attribute}`);
  try {
    consumeCode(user, 'verify_email', code);
  } finally {
    await pool.store.save();
  }
  user.attributes.email_verified = 'true';
  await pool.store.save();
  return {};
};

/** Signs the user out everywhere: every refresh token dies, and tokens from those sessions are refused. */
export const globalSignOut: Action = async (pool, input) => {
  const { user, originJti } = pool.verifyAccess(input.AccessToken);
  revokeAllSessions(pool, user.username);
  revokeSession(pool, originJti);
  await pool.store.save();
  return {};
};

/** Revokes one refresh token and the tokens minted from it (same origin_jti). */
export const revokeToken: Action = async (pool, input) => {
  const clientId = requireClient(pool, input);
  const token = requireString(input, 'Token');
  if (!pool.definition.client.enableTokenRevocation) throw new CognitoError('UnsupportedOperationException', 'Token revocation is not enabled for this client.');
  if (token.split('.').length === 3) throw new CognitoError('UnsupportedTokenTypeException', 'Unsupported token type');
  const key = hashRefreshToken(token);
  const record = Object.hasOwn(pool.store.state.refreshTokens, key) ? pool.store.state.refreshTokens[key] : undefined;
  // An unknown or already revoked token is not an error (RevokeToken is idempotent).
  if (!record) return {};
  if (record.clientId !== clientId) throw new CognitoError('UnauthorizedException', 'Client is not authorized to revoke this token.');
  revokeSession(pool, record.originJti);
  await pool.store.save();
  return {};
};

export const deleteUser: Action = async (pool, input) => {
  const { user } = pool.verifyAccess(input.AccessToken);
  revokeAllSessions(pool, user.username);
  pool.store.deleteUser(user.username);
  await pool.store.save();
  return {};
};
