import { describe, expect, it } from 'vitest';
import { isCredentialsRefusal, toApiError } from './errors.ts';

describe('isCredentialsRefusal', () => {
  it('recognises a refused token, as AppSync sends it over HTTP and as Amplify reports it in real time', () => {
    expect(isCredentialsRefusal(toApiError({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] }))).toBe(true);
    const realtime = { errors: [{ message: 'Connection failed: {"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call."}]}' }] };
    expect(isCredentialsRefusal(toApiError(realtime))).toBe(true);
  });

  it('does not take a resolver refusing the caller, or other errors, for a refused token', () => {
    expect(isCredentialsRefusal(toApiError({ errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onNotification on type Subscription' }] }))).toBe(false);
    expect(isCredentialsRefusal(toApiError(new Error('socket hang up')))).toBe(false);
  });
});
