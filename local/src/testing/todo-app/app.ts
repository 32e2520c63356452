/**
 * A second app for the offline AppSync, as a test fixture: one table, two resolvers, a Lambda
 * authorizer, its own user pool — and nothing of Cruddur's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildAmplifyOutputs } from '../../../../definitions/amplify-outputs.ts';
import { bundleResolver, discoverResolvers } from '../../../../definitions/resolvers.ts';
import type { AppDefinition } from '../../app-definition.ts';

const here = import.meta.dirname;
const fn = (name: string) => `local/src/testing/todo-app/functions.ts#${name}`;

export const todoApp: AppDefinition = {
  name: 'Todo',
  schema: fs.readFileSync(path.join(here, 'schema.graphql'), 'utf8'),
  resolvers: discoverResolvers(path.join(here, 'resolvers')),
  bundleResolver,
  dataSources: [{ name: 'todos', type: 'AMAZON_DYNAMODB', table: 'TodoTable' }],
  api: {
    defaultAuthMode: 'AWS_LAMBDA',
    additionalAuthModes: [],
    authorizer: { handler: fn('authorizer'), resultTtlSeconds: 0, userTtlSeconds: 0, timeoutSeconds: 10 },
    limits: { queryDepthLimit: 5, resolverCountLimit: 100 },
    cache: { behavior: 'PER_RESOLVER_CACHING', type: 'SMALL', ttlSeconds: 60, transitEncryption: true, atRestEncryption: true },
  },
  table: { logicalName: 'TodoTable', partitionKey: 'pk', sortKey: 'sk', globalSecondaryIndexes: [], timeToLiveAttribute: 'expiresAt', stream: 'NEW_AND_OLD_IMAGES' },
  userPool: {
    logicalName: 'TodoUserPool',
    usernameAttributes: ['email'],
    caseSensitiveUsername: false,
    autoVerifiedAttributes: ['email'],
    standardAttributes: [{ name: 'email', required: true, mutable: true }],
    passwordPolicy: { minimumLength: 8, requireLowercase: true, requireUppercase: false, requireNumbers: false, requireSymbols: false, temporaryPasswordValidityDays: 7 },
    triggers: { preSignUp: fn('trigger'), postConfirmation: fn('trigger') },
    client: {
      logicalName: 'TodoWebClient',
      authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'],
      accessTokenValidityMinutes: 60,
      idTokenValidityMinutes: 60,
      refreshTokenValidityDays: 1,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    },
    local: { userPoolId: 'us-east-1_TodoLocal', clientId: '5todolocalwebclient000001' },
  },
  buckets: [],
  streamConsumers: [],
  demoUsers: [],
  buildOutputs: (endpoints) => buildAmplifyOutputs(endpoints, todoApp),
};
