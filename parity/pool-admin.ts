/**
 * The user pool's administrator API (AWS SDK v3), as an operator would call it: the parity suite
 * confirms and deletes its own users through it. Against AWS the SDK's default credentials sign
 * the calls (IAM permission cognito-idp:Admin* on the pool). Offline the pool verifies the
 * signature too: the stack's local IAM key signs, handed over by global-setup.ts when it started the
 * stack, else taken from the environment like an AWS key (export `.cruddur/iam/credentials.json`'s
 * pair as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY to run `npm run test:cloud` against `npm start`).
 */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import type { Target } from './target.ts';

export interface PoolAdmin {
  /** AdminConfirmSignUp: confirms a signed-up user; the PostConfirmation trigger runs (it creates the profile). */
  confirmSignUp(email: string): Promise<void>;
  /** AdminCreateUser without an invitation message; the user must set a new password at first sign-in. */
  createUser(email: string, temporaryPassword: string, attributes: Record<string, string>): Promise<void>;
  /** AdminGetUser's UserStatus, or undefined when the user does not exist. */
  status(email: string): Promise<string | undefined>;
  /** AdminDeleteUser; a user already gone is fine. */
  deleteUser(email: string): Promise<void>;
  close(): void;
}

export function poolAdmin(target: Target): PoolAdmin {
  const { region, userPoolId, cognitoEndpoint } = target.config;
  const client = new CognitoIdentityProviderClient({
    region,
    ...(cognitoEndpoint ? { endpoint: cognitoEndpoint } : {}),
    ...(cognitoEndpoint && inject('parityLocalCredential') ? { credentials: inject('parityLocalCredential') } : {}),
  });
  const ignoreMissing = (err: unknown) => {
    if (!(err instanceof UserNotFoundException)) throw err;
  };
  return {
    async confirmSignUp(email) {
      await client.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
    },
    async createUser(email, temporaryPassword, attributes) {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          TemporaryPassword: temporaryPassword,
          MessageAction: 'SUPPRESS',
          UserAttributes: Object.entries({ ...attributes, email }).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
    },
    async status(email) {
      try {
        return (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }))).UserStatus;
      } catch (err) {
        ignoreMissing(err);
        return undefined;
      }
    },
    async deleteUser(email) {
      await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email })).catch(ignoreMissing);
    },
    close: () => client.destroy(),
  };
}
