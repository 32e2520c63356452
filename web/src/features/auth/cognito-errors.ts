/**
 * Clear messages for the errors Amplify v6 auth APIs throw. Amplify sets `error.name` to the
 * Cognito exception name (API reference, "Common errors" and each action's "Errors") or to its own
 * validation names (Empty*); anything unknown falls back to Cognito's own message.
 */
const MESSAGES: Record<string, string> = {
  NotAuthorizedException: 'Incorrect email or password.',
  UserNotFoundException: 'There is no account with that email.',
  UserNotConfirmedException: 'This account is not confirmed yet. Enter the code we emailed you.',
  UsernameExistsException: 'An account with this email already exists. Sign in instead.',
  AliasExistsException: 'An account with this email already exists. Sign in instead.',
  InvalidPasswordException:
    'The password does not meet the rules: at least 8 characters, with upper- and lower-case letters, a number and a symbol.',
  CodeMismatchException: 'That code is not right. Check the email and try again.',
  ExpiredCodeException: 'That code has expired. Send a new one.',
  LimitExceededException: 'Too many attempts. Wait a few minutes and try again.',
  TooManyRequestsException: 'Too many attempts. Wait a few minutes and try again.',
  TooManyFailedAttemptsException: 'Too many attempts. Wait a few minutes and try again.',
  CodeDeliveryFailureException: 'We could not send the code. Try again in a moment.',
  PasswordResetRequiredException: 'You need to reset your password before signing in.',
  UserAlreadyAuthenticatedException: 'You are already signed in.',
  NetworkError: 'Cannot reach the sign-in service. Check your connection and try again.',
};

/** The user-facing message for an error thrown by aws-amplify/auth. */
export function authErrorMessage(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name in MESSAGES) return MESSAGES[name] as string;
  // A PreSignUp/PostConfirmation trigger's error arrives as "PreSignUp failed with error <text>."
  if (name === 'UserLambdaValidationException') return message.replace(/^\w+ failed with error\s*/i, '').replace(/\.$/, '') || message;
  if (name === 'InvalidParameterException') return message;
  if (name.startsWith('Empty')) return 'Please fill in every field.';
  return message || 'Something went wrong. Try again.';
}

/** The Cognito exception name of an auth error (for flow decisions such as "go confirm"). */
export function authErrorName(err: unknown): string {
  return err instanceof Error ? err.name : '';
}
