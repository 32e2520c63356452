/**
 * Cognito's error wire format: HTTP 400 with `{"__type": "<Name>", "message": "<text>"}` plus the
 * `x-amzn-errortype` header Amplify reads first (then `code`, then `__type`: `@aws-amplify/core`'s
 * JSON error parser).
 */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: 400 | 403 | 500 = 400,
  ) {
    super(message);
    this.name = type;
  }
}

/** Wording observed from Cognito (localstack #3201); also used for unknown users when existence errors are hidden. */
export const incorrectCredentials = () => new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
export const invalidParameter = (message: string) => new CognitoError('InvalidParameterException', message);
export const limitExceeded = () => new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
export const codeMismatch = () => new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
export const expiredCode = () => new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
