import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { buckets } from './buckets.ts';
import { dataSources } from './data-sources.ts';
import { environmentFor, functionByHandler, functions } from './functions.ts';
import { streamConsumers } from './stream-consumers.ts';
import { userPool } from './user-pool.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('definitions/functions.ts', () => {
  it('declares every function the app wires up, with a handler that exists', () => {
    const referenced = [
      api.authorizer.handler,
      userPool.triggers.preSignUp,
      userPool.triggers.postConfirmation,
      ...dataSources.flatMap((d) => (d.type === 'AWS_LAMBDA' ? [d.handler] : [])),
      ...buckets.flatMap((b) => (b.notification ? [b.notification.handler] : [])),
      ...streamConsumers.map((c) => c.handler),
    ];
    for (const handler of referenced) expect(functionByHandler(handler), handler).toBeDefined();
    for (const fn of Object.values(functions)) expect(fs.existsSync(path.join(root, fn.handler.split('#')[0])), fn.handler).toBe(true);
  });

  it('builds an environment from the declared names only, leaving out values a deployment lacks', () => {
    const values = { tableName: 't', graphqlUrl: 'https://api/graphql', uploadsBucket: 'u', databaseName: 'cruddur' };
    expect(environmentFor(functions.publish, values)).toEqual({ TABLE_NAME: 't', APPSYNC_URL: 'https://api/graphql' });
    expect(environmentFor(functions.avatarUpload, values)).toEqual({ UPLOADS_BUCKET: 'u' });
    // No migrations folder offline: the handler's own default applies.
    expect(environmentFor(functions.databaseMigrate, values)).toEqual({ DATABASE_NAME: 'cruddur' });
  });

  it('names each function once', () => {
    const names = Object.values(functions).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
