/**
 * The environment each of the app's functions is invoked with offline: the variables its
 * declaration (`AppDefinition.functions`) names, valued by the app's `functionEnvironment` from
 * this stack's resources, over the offline runtime's own variables (what Lambda itself provides in
 * AWS: region, credentials, and here the endpoint overrides that point the SDKs at the local
 * services). Resources arrive as the stack's parts start; each invocation computes its
 * environment when it starts (lambda-runtime/function-env.ts), so nothing is ever written to the
 * server's `process.env` (docs/decisions/030-one-contract-in-definitions.md).
 */
import type { AppDefinition, FunctionDeclaration, FunctionEnvironmentContext } from '../app-definition.ts';
import type { FunctionEnv } from '../lambda-runtime/function-env.ts';

export class FunctionEnvironments {
  private readonly runtime: FunctionEnv = {
    // A session token or expiry left by the developer's own AWS tooling would be sent (or judged)
    // with the local key pair: hidden from every function.
    AWS_SESSION_TOKEN: undefined,
    AWS_CREDENTIAL_EXPIRATION: undefined,
    // CloudWatch EMF lines would only clutter a terminal; X-Ray disables itself outside Lambda.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  };
  private context: Partial<FunctionEnvironmentContext> = {};

  constructor(private readonly app: Pick<AppDefinition, 'functions' | 'functionEnvironment'>) {}

  /** Adds stack resources the app's `functionEnvironment` may value variables from. */
  provide(resources: Partial<FunctionEnvironmentContext>): void {
    this.context = { ...this.context, ...resources };
  }

  /** Adds offline-runtime variables every function sees (endpoints, region, credentials). */
  provideRuntime(env: FunctionEnv): void {
    Object.assign(this.runtime, env);
  }

  /** The environment of `fn` as of now: the runtime's, then its declared variables that have a value. */
  of(fn: Pick<FunctionDeclaration, 'environment'>): FunctionEnv {
    const values = this.app.functionEnvironment?.(this.context) ?? {};
    const declared: FunctionEnv = {};
    for (const [name, source] of Object.entries(fn.environment)) {
      const value = values[source];
      if (value !== undefined) declared[name] = value;
    }
    return { ...this.runtime, ...declared };
  }

  /** By function name (stream consumers, bucket notifications); the runtime's alone for an undeclared one. */
  named(name: string): FunctionEnv {
    const fn = this.app.functions?.find((f) => f.name === name);
    return fn ? this.of(fn) : { ...this.runtime };
  }

  /** By handler reference (triggers, data sources, the authorizer, the migration). */
  handledBy(handler: string): FunctionEnv {
    const fn = this.app.functions?.find((f) => f.handler === handler);
    return fn ? this.of(fn) : { ...this.runtime };
  }
}
