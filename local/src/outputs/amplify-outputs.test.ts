import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Amplify } from 'aws-amplify';
import { describe, expect, it } from 'vitest';
import { buildAmplifyOutputs, type DeploymentEndpoints } from '../../../definitions/amplify-outputs.ts';
import { userPool } from '../../../definitions/user-pool.ts';
import { buildOutputs as buildOfflineOutputs, writeOutputs, type OfflineEndpoints } from './amplify-outputs.ts';

// Another app's API: the offline outputs render whatever its builder makes of its declarations.
const anotherApp = {
  api: { defaultAuthMode: 'AWS_LAMBDA' as const, additionalAuthModes: ['API_KEY' as const, 'AWS_IAM' as const] },
  userPool: { ...userPool, passwordPolicy: { ...userPool.passwordPolicy, minimumLength: 12 } },
};
const buildOutputs = (e: OfflineEndpoints) => buildOfflineOutputs(e, (d: DeploymentEndpoints) => buildAmplifyOutputs(d, anotherApp));

const endpoints = {
  region: 'us-east-1',
  graphqlUrl: 'http://localhost:20002/graphql',
  realtimeUrl: 'wss://localhost:20002/graphql/realtime',
  cognito: { endpoint: 'http://localhost:9229', userPoolId: 'local_pool', userPoolClientId: 'client1' },
  storage: { endpoint: 'http://localhost:4569', bucketName: 'cruddur-local' },
};

describe('amplify_outputs.json', () => {
  it('is written atomically and read by the real aws-amplify v6 configure', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outputs-'));
    const file = path.join(dir, 'amplify_outputs.json');
    await writeOutputs(file, buildOutputs(endpoints));
    const outputs = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(outputs.version).toBe('1.4');
    expect(outputs.custom).toMatchObject({ cognito_endpoint: 'http://localhost:9229', storage_endpoint: 'http://localhost:4569', realtime_url: 'wss://localhost:20002/graphql/realtime' });
    Amplify.configure(outputs);
    const config = Amplify.getConfig();
    expect(config.API?.GraphQL).toMatchObject({ endpoint: 'http://localhost:20002/graphql', region: 'us-east-1', defaultAuthMode: 'lambda' });
    expect(config.Auth?.Cognito).toMatchObject({ userPoolId: 'local_pool', userPoolClientId: 'client1', loginWith: { email: true } });
    expect(outputs.auth.password_policy.min_length).toBe(12);
    expect(config.Storage?.S3).toMatchObject({ bucket: 'cruddur-local', region: 'us-east-1' });
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await fs.rm(dir, { recursive: true });
  });

  it('leaves an unchanged file alone (a rewrite reloads every open tab through Vite) and replaces a changed one', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outputs-'));
    const file = path.join(dir, 'amplify_outputs.json');
    await writeOutputs(file, buildOutputs(endpoints));
    const first = await fs.stat(file);
    await writeOutputs(file, buildOutputs(endpoints));
    expect((await fs.stat(file)).ino).toBe(first.ino);
    await writeOutputs(file, buildOutputs({ ...endpoints, graphqlUrl: 'http://localhost:20003/graphql' }));
    expect((await fs.stat(file)).ino).not.toBe(first.ino);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).data.url).toBe('http://localhost:20003/graphql');
    await fs.rm(dir, { recursive: true });
  });

  it('omits auth and storage when those services are not running', () => {
    const outputs = buildOutputs({ ...endpoints, cognito: undefined, storage: undefined, apiKey: 'da2-x' });
    expect(outputs.auth).toBeUndefined();
    expect(outputs.storage).toBeUndefined();
    expect(outputs.data).toMatchObject({ api_key: 'da2-x', authorization_types: ['API_KEY', 'AWS_IAM'] });
  });
});
