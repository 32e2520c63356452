import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './cognito-errors.ts';

const named = (name: string, message = 'raw') => Object.assign(new Error(message), { name });

describe('authErrorMessage', () => {
  it('maps Cognito exception names to clear text', () => {
    expect(authErrorMessage(named('NotAuthorizedException', 'Incorrect username or password.'))).toBe('Incorrect email or password.');
    expect(authErrorMessage(named('CodeMismatchException'))).toMatch(/code is not right/);
    expect(authErrorMessage(named('UsernameExistsException'))).toMatch(/already exists/);
  });
  it('unwraps a trigger error to its own text', () => {
    expect(authErrorMessage(named('UserLambdaValidationException', 'PreSignUp failed with error Handle @bob is taken.'))).toBe('Handle @bob is taken');
  });
  it('covers Amplify validation errors and unknown errors', () => {
    expect(authErrorMessage(named('EmptySignInPassword'))).toBe('Please fill in every field.');
    expect(authErrorMessage(named('SomethingNew', 'Cognito said so'))).toBe('Cognito said so');
  });
});
