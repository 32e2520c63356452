/**
 * Writes `amplify_outputs.json` in Amplify Gen 2's outputs format (schema version 1.4, the
 * `AWSAmplifyBackendOutputs` JSON schema from @aws-amplify/backend-output-schemas; read by
 * aws-amplify v6's `parseAmplifyOutputs`). Offline-only endpoints (the local Cognito, storage,
 * real-time) go under `custom`, which Amplify passes through untouched.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuthMode } from '../appsync/auth/types.ts';

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

export interface OfflineEndpoints {
  region: string;
  graphqlUrl: string;
  realtimeUrl: string;
  defaultAuthMode: AuthMode;
  additionalAuthModes: AuthMode[];
  apiKey?: string;
  cognito?: { endpoint: string; userPoolId: string; userPoolClientId: string; requiredAttributes?: string[] };
  storage?: { endpoint: string; bucketName: string };
}

/** Builds the outputs document for the offline stack. */
export function buildOutputs(e: OfflineEndpoints): AmplifyOutputs {
  const outputs: AmplifyOutputs = {
    version: OUTPUTS_VERSION,
    data: {
      aws_region: e.region,
      url: e.graphqlUrl,
      default_authorization_type: e.defaultAuthMode,
      authorization_types: e.additionalAuthModes,
      ...(e.apiKey ? { api_key: e.apiKey } : {}),
    },
    custom: { offline: true, realtime_url: e.realtimeUrl },
  };
  if (e.cognito) {
    outputs.auth = {
      aws_region: e.region,
      user_pool_id: e.cognito.userPoolId,
      user_pool_client_id: e.cognito.userPoolClientId,
      // Cognito's default policy (developer guide, "user-pool-settings-policies").
      password_policy: { min_length: 8, require_numbers: true, require_lowercase: true, require_uppercase: true, require_symbols: true },
      standard_required_attributes: e.cognito.requiredAttributes ?? ['email', 'name', 'preferred_username'],
      username_attributes: ['email'],
      user_verification_types: ['email'],
      unauthenticated_identities_enabled: false,
      mfa_configuration: 'NONE',
    };
    // aws-amplify v6 takes a custom user-pool endpoint as `Auth.Cognito.userPoolEndpoint`.
    outputs.custom!.cognito_endpoint = e.cognito.endpoint;
  }
  if (e.storage) {
    outputs.storage = { aws_region: e.region, bucket_name: e.storage.bucketName };
    outputs.custom!.storage_endpoint = e.storage.endpoint;
  }
  return outputs;
}

/** Writes the file atomically (temp file + rename) so readers never see half a document. */
export async function writeOutputs(file: string, outputs: AmplifyOutputs): Promise<void> {
  const text = `${JSON.stringify(outputs, null, 2)}\n`;
  // An unchanged file is left alone: a rewrite makes Vite reload every open tab of the web app.
  if ((await fs.readFile(file, 'utf8').catch(() => undefined)) === text) return;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, text);
  await fs.rename(tmp, file);
}
