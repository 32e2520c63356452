import { describe, expect, it } from 'vitest';
import type { FunctionDeclaration } from '../app-definition.ts';
import { FunctionEnvironments } from './function-environment.ts';

const fanout: FunctionDeclaration = { name: 'fanout', handler: 'fns/fanout.ts#handler', memorySize: 1024, environment: { TABLE_NAME: 'tableName' }, tunables: { PULL_AT: '5000', PUSH_AT: '4000' } };
const publish: FunctionDeclaration = { name: 'publish', handler: 'fns/publish.ts#handler', environment: { APPSYNC_URL: 'graphqlUrl' } };
const app = { functions: [fanout, publish], functionEnvironment: (c: { tableName?: string; graphqlUrl?: string }) => ({ tableName: c.tableName, graphqlUrl: c.graphqlUrl }) };

describe("a stack's function configurations", () => {
  it('give each function its declared variables, its tunables at their defaults and its memory', () => {
    const envs = new FunctionEnvironments(app);
    envs.provide({ tableName: 'app-local' });
    expect(envs.named('fanout')).toMatchObject({ TABLE_NAME: 'app-local', PULL_AT: '5000', PUSH_AT: '4000', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024' });
    // Not known yet: left out, the handler's own default applies.
    expect(envs.named('publish')).not.toHaveProperty('APPSYNC_URL');
    expect(envs.named('publish')).not.toHaveProperty('PULL_AT');
    expect(envs.named('publish')).not.toHaveProperty('AWS_LAMBDA_FUNCTION_MEMORY_SIZE');
  });

  it("set this stack's values of declared variables, tunable or sourced", () => {
    const envs = new FunctionEnvironments(app, { variables: { fanout: { PULL_AT: '2', PUSH_AT: '1', TABLE_NAME: 'other' } } });
    envs.provide({ tableName: 'app-local' });
    expect(envs.named('fanout')).toMatchObject({ PULL_AT: '2', PUSH_AT: '1', TABLE_NAME: 'other' });
    expect(envs.handledBy('fns/fanout.ts#handler')).toMatchObject({ PULL_AT: '2' });
  });

  it('take new values for later invocations, as UpdateFunctionConfiguration does', () => {
    const envs = new FunctionEnvironments(app, { variables: { fanout: { PULL_AT: '2', PUSH_AT: '1' } } });
    envs.update('fanout', { PULL_AT: '9' });
    expect(envs.named('fanout')).toMatchObject({ PULL_AT: '9', PUSH_AT: '1' });
    expect(() => envs.update('fanout', { HOST_ONLY: 'x' })).toThrow("'fanout' declares no variable HOST_ONLY");
  });

  it('refuse a variable the function does not declare, and an unknown function', () => {
    expect(() => new FunctionEnvironments(app, { variables: { publish: { PULL_AT: '2' } } })).toThrow("functionVariables: 'publish' declares no variable PULL_AT");
    expect(() => new FunctionEnvironments(app, { variables: { nobody: {} } })).toThrow("functionVariables: the app has no function named 'nobody'");
  });

  it("carry the log level as Lambda's advanced logging controls do, and refuse an unknown one", () => {
    expect(new FunctionEnvironments(app, { logLevel: 'warn' }).named('publish')).toMatchObject({ AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'WARN' });
    expect(new FunctionEnvironments(app).named('publish')).not.toHaveProperty('AWS_LAMBDA_LOG_LEVEL');
    expect(() => new FunctionEnvironments(app, { logLevel: 'loud' })).toThrow(/functionLogLevel must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL/);
  });
});
