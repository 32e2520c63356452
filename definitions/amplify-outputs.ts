/**
 * The one builder of `amplify_outputs.json`, Amplify Gen 2's outputs format (schema version 1.4:
 * the `AWSAmplifyBackendOutputs` JSON schema of @aws-amplify/backend-output-schemas, read by
 * aws-amplify v6's `parseAmplifyOutputs`). Both halves call it: the offline stack with its local
 * endpoints, `infra/scripts/write-outputs.ts` with the deployed stacks' outputs. What the app
 * declares (auth modes, sign-in attribute, password policy, required attributes) comes from the
 * API and user-pool definitions only, so neither half can advertise a mode the API lacks or a
 * password rule the pool does not enforce. Pure: no Node APIs.
 */
import { api as appApi, type ApiDefinition, type AuthMode } from './api.ts';
import { userPool as appUserPool, type UserPoolDefinition } from './user-pool.ts';

export const OUTPUTS_VERSION = '1.4';

export interface AmplifyOutputs {
  $schema?: string;
  version: string;
  auth?: {
    aws_region: string;
    user_pool_id: string;
    user_pool_client_id: string;
    identity_pool_id?: string;
    password_policy?: { min_length: number; require_numbers: boolean; require_lowercase: boolean; require_uppercase: boolean; require_symbols: boolean };
    standard_required_attributes?: string[];
    username_attributes?: string[];
    user_verification_types?: string[];
    unauthenticated_identities_enabled?: boolean;
    mfa_configuration?: 'NONE' | 'OPTIONAL' | 'REQUIRED';
  };
  data?: {
    aws_region: string;
    url: string;
    default_authorization_type: AuthMode;
    authorization_types: AuthMode[];
    api_key?: string;
  };
  storage?: { aws_region: string; bucket_name: string };
  custom?: Record<string, unknown>;
}

/** Where one deployment of the app answers: the parts that differ between offline and cloud. */
export interface DeploymentEndpoints {
  region: string;
  graphqlUrl: string;
  /** Only when the API has an API_KEY mode. */
  apiKey?: string;
  userPool?: { userPoolId: string; userPoolClientId: string };
  /** The bucket the browser uploads to. */
  storage?: { bucketName: string };
  /** Passed through untouched by Amplify: endpoints only one half has (offline Cognito, real-time, CDN URLs). */
  custom?: Record<string, unknown>;
}

/** The app's declarations the document renders (defaults: Cruddur's definitions/api.ts and user-pool.ts). */
export interface OutputsDefinitions {
  api: Pick<ApiDefinition, 'defaultAuthMode' | 'additionalAuthModes'>;
  userPool: Pick<UserPoolDefinition, 'usernameAttributes' | 'autoVerifiedAttributes' | 'standardAttributes' | 'passwordPolicy'>;
}

/** Builds the outputs document for one deployment of the app. */
export function buildAmplifyOutputs(endpoints: DeploymentEndpoints, definitions: OutputsDefinitions = { api: appApi, userPool: appUserPool }): AmplifyOutputs {
  const { api, userPool } = definitions;
  if (endpoints.apiKey && api.defaultAuthMode !== 'API_KEY' && !api.additionalAuthModes.includes('API_KEY')) {
    throw new Error('amplify_outputs.json: an API key was given but the API has no API_KEY mode');
  }
  const outputs: AmplifyOutputs = {
    version: OUTPUTS_VERSION,
    data: {
      aws_region: endpoints.region,
      url: endpoints.graphqlUrl,
      default_authorization_type: api.defaultAuthMode,
      authorization_types: [...api.additionalAuthModes],
      ...(endpoints.apiKey ? { api_key: endpoints.apiKey } : {}),
    },
  };
  if (endpoints.userPool) {
    const policy = userPool.passwordPolicy;
    outputs.auth = {
      aws_region: endpoints.region,
      user_pool_id: endpoints.userPool.userPoolId,
      user_pool_client_id: endpoints.userPool.userPoolClientId,
      password_policy: {
        min_length: policy.minimumLength,
        require_numbers: policy.requireNumbers,
        require_lowercase: policy.requireLowercase,
        require_uppercase: policy.requireUppercase,
        require_symbols: policy.requireSymbols,
      },
      standard_required_attributes: userPool.standardAttributes.filter((a) => a.required).map((a) => a.name),
      username_attributes: [...userPool.usernameAttributes],
      user_verification_types: [...userPool.autoVerifiedAttributes],
      // No identity pool: the browser never holds AWS credentials (every request goes through the API).
      unauthenticated_identities_enabled: false,
      mfa_configuration: 'NONE',
    };
  }
  if (endpoints.storage) outputs.storage = { aws_region: endpoints.region, bucket_name: endpoints.storage.bucketName };
  if (endpoints.custom) outputs.custom = { ...endpoints.custom };
  return outputs;
}
