/**
 * The environment each Lambda function is invoked with offline: the variables its entry in
 * definitions/functions.ts declares, valued from this stack's endpoints, over the offline
 * runtime's own variables (what Lambda itself provides in AWS: region, credentials, and here the
 * endpoint overrides that point the SDKs at the local services). Values arrive as the stack's
 * parts start; each invocation reads them when it starts (local/src/lambda/function-env.ts), so
 * nothing is ever written to the server's `process.env`.
 */
import { environmentFor, functionByHandler, functions, type EnvironmentValues, type LambdaDefinition } from '../../definitions/functions.ts';
import type { FunctionEnv } from './lambda/function-env.ts';

export class FunctionEnvironments {
  private readonly values: Partial<EnvironmentValues> = {};
  private readonly runtime: FunctionEnv = {
    // A session token or expiry left by the developer's own AWS tooling would be sent (or judged)
    // with the local key pair: hidden from every function.
    AWS_SESSION_TOKEN: undefined,
    AWS_CREDENTIAL_EXPIRATION: undefined,
    // CloudWatch EMF lines would only clutter a terminal; X-Ray disables itself outside Lambda.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  };

  /** Adds values of the declared variables' sources (definitions/functions.ts EnvironmentValues). */
  provide(values: Partial<EnvironmentValues>): void {
    Object.assign(this.values, values);
  }

  /** Adds offline-runtime variables every function sees (endpoints, region, credentials). */
  provideRuntime(env: FunctionEnv): void {
    Object.assign(this.runtime, env);
  }

  /** The environment of `fn` as of now. */
  of(fn: Pick<LambdaDefinition, 'environment'>): FunctionEnv {
    return { ...this.runtime, ...environmentFor(fn, this.values) };
  }

  /** By function name (stream consumers, bucket notifications); the runtime's alone for an undeclared one. */
  named(name: string): FunctionEnv {
    const fn = Object.values(functions).find((f) => f.name === name);
    return fn ? this.of(fn) : { ...this.runtime };
  }

  /** By handler reference (triggers, data sources, the authorizer). */
  handledBy(handler: string): FunctionEnv {
    const fn = functionByHandler(handler);
    return fn ? this.of(fn) : { ...this.runtime };
  }
}
