/** SignUp, ConfirmSignUp, ResendConfirmationCode (API Reference, CognitoIdentityProvider). */
import { consumeCode, issueCode, unsentCode } from '../codes.ts';
import { CognitoError, codeMismatch, invalidParameter } from '../errors.ts';
import { checkPassword } from '../password/policy.ts';
import type { Action, Pool } from '../pool.ts';
import type { UserRecord } from '../store/types.ts';
import { checkNewUserAttributes } from './attributes.ts';
import { hiddenUser, simulatedDelivery } from './existence.ts';
import { attributeList, emailDelivery, invalidEmail, optionalRecord, requireClient, requireString } from './input.ts';
import { newUser, triggerAttributes } from './users.ts';

const usernameExists = () => new CognitoError('UsernameExistsException', 'An account with the given email already exists.');

/** Sends a fresh sign-up code to the user's email and returns Cognito's CodeDeliveryDetails. */
function sendSignUpCode(pool: Pool, user: UserRecord) {
  const code = issueCode(user, 'signup');
  pool.outbox.send(user.attributes.email, 'signup', code);
  return emailDelivery(user.attributes.email);
}

export const signUp: Action = async (pool, input) => {
  const clientId = requireClient(pool, input);
  const username = requireString(input, 'Username').trim();
  const password = checkPassword(input.Password, pool.definition.passwordPolicy);
  const clientMetadata = optionalRecord(input, 'ClientMetadata');
  const validationData = attributeList(input, 'ValidationData');
  // Email is the sign-in name: the Username *is* the email (UsernameAttributes: [email]).
  invalidEmail(username);
  const attributes: Record<string, string> = { ...attributeList(input, 'UserAttributes'), email: username };
  // Only Cognito (or the PreSignUp trigger) may mark an address verified.
  delete attributes.email_verified;
  checkNewUserAttributes(pool.definition, attributes);
  if (pool.store.findBySignInName(username)) throw usernameExists();

  const user = await newUser(pool, attributes, password, 'UNCONFIRMED');
  const decision = await pool.triggers.preSignUp('PreSignUp_SignUp', { userName: user.username, clientId, userAttributes: attributes, clientMetadata }, validationData);
  // Re-check after the trigger's await: a concurrent SignUp may have taken the email meanwhile.
  if (pool.store.findBySignInName(username)) throw usernameExists();
  if (decision.autoVerifyEmail) user.attributes.email_verified = 'true';
  let delivery;
  if (decision.autoConfirmUser) user.status = 'CONFIRMED';
  else delivery = sendSignUpCode(pool, user);
  pool.store.putUser(user);
  await pool.store.save();
  if (decision.autoConfirmUser) {
    await pool.triggers.postConfirmation('PostConfirmation_ConfirmSignUp', { userName: user.username, clientId, userAttributes: triggerAttributes(user), clientMetadata });
  }
  return { UserConfirmed: user.status === 'CONFIRMED', UserSub: user.sub, ...(delivery ? { CodeDeliveryDetails: delivery } : {}) };
};

export const confirmSignUp: Action = async (pool, input) => {
  const clientId = requireClient(pool, input);
  const name = requireString(input, 'Username');
  const code = requireString(input, 'ConfirmationCode');
  const clientMetadata = optionalRecord(input, 'ClientMetadata');
  const user = pool.store.findBySignInName(name);
  if (!user) {
    const decoy = hiddenUser(pool, name, user);
    if (!decoy) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
    // Like an unconfirmed user's: a code to miss (CodeMismatch), burn (LimitExceeded) or outlive (ExpiredCode).
    unsentCode(decoy, 'signup');
    try {
      consumeCode(decoy, 'signup', code);
    } finally {
      await pool.store.save();
    }
    throw codeMismatch();
  }
  if (user.status !== 'UNCONFIRMED') throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
  try {
    consumeCode(user, 'signup', code);
  } finally {
    await pool.store.save();
  }
  user.status = 'CONFIRMED';
  // Confirming with an emailed code proves the address; Cognito's ConfirmSignUp sets email_verified too.
  user.attributes.email_verified = 'true';
  user.updatedAt = Date.now();
  await pool.store.save();
  // The user stays confirmed even if the trigger fails; the call still reports the failure.
  await pool.triggers.postConfirmation('PostConfirmation_ConfirmSignUp', { userName: user.username, clientId, userAttributes: triggerAttributes(user), clientMetadata });
  return {};
};

export const resendConfirmationCode: Action = async (pool, input) => {
  requireClient(pool, input);
  const name = requireString(input, 'Username');
  const user = pool.store.findBySignInName(name);
  // Unknown and disabled users get simulated delivery details (Developer Guide, "Managing user
  // existence error responses"), with sends counted so the hourly limit applies alike.
  const decoy = hiddenUser(pool, name, user);
  if (decoy) {
    issueCode(decoy, 'signup');
    await pool.store.save();
    return { CodeDeliveryDetails: simulatedDelivery(name) };
  }
  if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
  // The exact wording the Authenticator matches (guard isUserAlreadyConfirmed).
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
  const delivery = sendSignUpCode(pool, user);
  await pool.store.save();
  return { CodeDeliveryDetails: delivery };
};
