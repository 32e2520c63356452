/** Builds an engine over the fixture schema and resolvers with real NONE and Lambda data sources. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleResolver, discoverResolvers } from '../../../../../definitions/resolvers.ts';
import type { AuthContext } from '../../auth/types.ts';
import { createLambdaDataSource } from '../../datasources/lambda.ts';
import { createNoneDataSource } from '../../datasources/none.ts';
import { createEngine, type AppSyncEngine, type EngineLimits } from '../create-engine.ts';
import type { ExecuteOptions } from '../types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixtures = path.join(here, 'app');
export const schemaSource = fs.readFileSync(path.join(fixtures, 'schema.graphql'), 'utf8');

export function fixtureEngine(limits?: EngineLimits, logLines?: string[]): Promise<AppSyncEngine> {
  return createEngine({
    schemaSource,
    resolvers: discoverResolvers(path.join(fixtures, 'resolvers')),
    loadCode: bundleResolver,
    dataSources: {
      NONE: createNoneDataSource(),
      lambda: createLambdaDataSource({ name: 'lambda', handler: 'local/src/appsync/engine/testing/app/lambda.ts#handler', functionName: 'fixture' }),
    },
    defaultAuthMode: 'AWS_LAMBDA',
    additionalAuthModes: ['API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
    env: { STAGE: 'test' },
    limits,
    log: logLines
      ? { info: (o, m) => logLines.push(`${JSON.stringify(o)} ${m}`), warn: () => undefined, error: () => undefined }
      : undefined,
  });
}

export const lambdaAuth: AuthContext = { mode: 'AWS_LAMBDA', identity: { resolverContext: { sub: 'u1', handle: 'ann' } } };
export const apiKeyAuth: AuthContext = { mode: 'API_KEY', identity: null };
export const iamAuth: AuthContext = { mode: 'AWS_IAM', identity: { username: 'publisher' } };
export const cognito = (groups: string[]): AuthContext => ({ mode: 'AMAZON_COGNITO_USER_POOLS', identity: { sub: 'c1', groups }, cognitoGroups: groups });

export function opts(auth: AuthContext = lambdaAuth, requestId = 'req-1'): ExecuteOptions {
  return { auth, requestId, headers: { 'x-test': 'yes', host: 'localhost:20002' }, domainName: null };
}
