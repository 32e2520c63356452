/**
 * Enforces a Cognito password policy with Cognito's own messages
 * (InvalidPasswordException "Password did not conform with policy: …").
 */
import type { PasswordPolicy } from '../../app-definition.ts';
import { CognitoError, invalidParameter } from '../errors.ts';

/** The special characters Cognito counts as symbols (Developer Guide, "Password requirements"). */
const symbols = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- '.split(''));

export function checkPassword(password: unknown, policy: PasswordPolicy, parameter = 'password'): string {
  if (typeof password !== 'string' || password.length === 0) {
    throw invalidParameter(`1 validation error detected: Value at '${parameter}' failed to satisfy constraint: Member must not be null`);
  }
  if (password.length > 256) {
    throw invalidParameter(`1 validation error detected: Value at '${parameter}' failed to satisfy constraint: Member must have length less than or equal to 256`);
  }
  if (password !== password.trim()) {
    // Cognito rejects leading and trailing spaces (the pattern is ^[\S]+.*[\S]+$).
    throw invalidParameter(`1 validation error detected: Value at '${parameter}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$`);
  }
  const fail = (why: string) => new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${why}`);
  if ([...password].length < policy.minimumLength) throw fail('Password not long enough');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) throw fail('Password must have uppercase characters');
  if (policy.requireLowercase && !/[a-z]/.test(password)) throw fail('Password must have lowercase characters');
  if (policy.requireNumbers && !/[0-9]/.test(password)) throw fail('Password must have numeric characters');
  if (policy.requireSymbols && ![...password].some((c) => symbols.has(c))) throw fail('Password must have symbol characters');
  return password;
}
