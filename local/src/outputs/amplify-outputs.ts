/**
 * `amplify_outputs.json` for the offline stack: the app's own builder (`AppDefinition.buildOutputs`,
 * which its cloud deployment calls too) fed with the local endpoints. Offline-only endpoints (the
 * local Cognito, storage, real-time) go under `custom`, which Amplify passes through untouched.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AmplifyOutputs, AppDefinition } from '../app-definition.ts';

export type { AmplifyOutputs } from '../app-definition.ts';

export interface OfflineEndpoints {
  region: string;
  graphqlUrl: string;
  realtimeUrl: string;
  apiKey?: string;
  cognito?: { endpoint: string; userPoolId: string; userPoolClientId: string };
  storage?: { endpoint: string; bucketName: string };
}

/** Builds the outputs document for the offline stack with the app's builder. */
export function buildOutputs(e: OfflineEndpoints, build: AppDefinition['buildOutputs']): AmplifyOutputs {
  const custom: Record<string, unknown> = { offline: true, realtime_url: e.realtimeUrl };
  // aws-amplify v6 takes a custom user-pool endpoint as `Auth.Cognito.userPoolEndpoint`.
  if (e.cognito) custom.cognito_endpoint = e.cognito.endpoint;
  if (e.storage) custom.storage_endpoint = e.storage.endpoint;
  return build({
    region: e.region,
    graphqlUrl: e.graphqlUrl,
    apiKey: e.apiKey,
    userPool: e.cognito && { userPoolId: e.cognito.userPoolId, userPoolClientId: e.cognito.userPoolClientId },
    storage: e.storage && { bucketName: e.storage.bucketName },
    custom,
  });
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
