/**
 * The Cognito user pool and its app client, declared once. `local/src/cognito` serves exactly this
 * pool offline and `infra/` creates the cloud pool from it, so password rules, attributes, token
 * lifetimes and auth flows cannot drift between the halves.
 */
import { functions } from './functions.ts';

/** Cognito's password policy (`PasswordPolicyType`). These are Cognito's defaults. */
export interface PasswordPolicy {
  minimumLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  /** Days an admin-set temporary password stays valid (AdminCreateUser). */
  temporaryPasswordValidityDays: number;
}

export interface StandardAttribute {
  name: 'email' | 'name' | 'preferred_username';
  required: boolean;
  /** Immutable attributes can be set at sign-up only (UpdateUserAttributes refuses them). */
  mutable: boolean;
}

export interface UserPoolClientDefinition {
  logicalName: string;
  /** Explicit auth flows the client allows (ExplicitAuthFlows, without the `ALLOW_` prefix). */
  authFlows: Array<'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH'>;
  accessTokenValidityMinutes: number;
  idTokenValidityMinutes: number;
  refreshTokenValidityDays: number;
  /** Unknown users get the same errors as wrong passwords (PreventUserExistenceErrors: ENABLED). */
  preventUserExistenceErrors: boolean;
  /** RevokeToken works only when token revocation is enabled (the default for new clients). */
  enableTokenRevocation: boolean;
}

export interface UserPoolDefinition {
  logicalName: string;
  /** Sign-in name: users sign in with their email; Cognito's username is then the `sub` (a UUID). */
  usernameAttributes: Array<'email'>;
  /** Email sign-in is case-insensitive (UsernameConfiguration.CaseSensitive = false). */
  caseSensitiveUsername: boolean;
  autoVerifiedAttributes: Array<'email'>;
  standardAttributes: StandardAttribute[];
  passwordPolicy: PasswordPolicy;
  /** Lambda triggers, as handler references `<file>#<export>` relative to the repo root. */
  triggers: { preSignUp: string; postConfirmation: string };
  client: UserPoolClientDefinition;
  /**
   * Offline only. The pool id must stay fixed: SRP verifiers are derived from the part after `_`,
   * so changing it would lock every stored user out. It has AWS's `<region>_<id>` format because
   * Amplify takes the region from it and aws-jwt-verify validates it.
   */
  local: { userPoolId: string; clientId: string };
}

export const userPool: UserPoolDefinition = {
  logicalName: 'CruddurUserPool',
  usernameAttributes: ['email'],
  caseSensitiveUsername: false,
  autoVerifiedAttributes: ['email'],
  standardAttributes: [
    { name: 'email', required: true, mutable: true },
    { name: 'name', required: true, mutable: true },
    // The handle: its uniqueness lives in DynamoDB (HANDLE#<lowercase>), written once at
    // confirmation, so Cognito must not let it change behind the table's back.
    { name: 'preferred_username', required: true, mutable: false },
  ],
  // Cognito's default policy (Developer Guide, "Adding user pool password requirements").
  passwordPolicy: {
    minimumLength: 8,
    requireLowercase: true,
    requireUppercase: true,
    requireNumbers: true,
    requireSymbols: true,
    temporaryPasswordValidityDays: 7,
  },
  triggers: {
    preSignUp: functions.preSignUp.handler,
    postConfirmation: functions.postConfirmation.handler,
  },
  client: {
    logicalName: 'CruddurWebClient',
    authFlows: ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'],
    accessTokenValidityMinutes: 60,
    idTokenValidityMinutes: 60,
    refreshTokenValidityDays: 30,
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
  },
  local: { userPoolId: 'us-east-1_CrudLocal', clientId: '5cruddurlocalwebclient0001' },
};
