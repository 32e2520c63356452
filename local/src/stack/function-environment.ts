/**
 * The configuration each of the app's functions is invoked with offline: the variables its
 * declaration (`AppDefinition.functions`) names, valued by the app's `functionEnvironment` from
 * this stack's resources, its tunables at their defaults, and this stack's overrides of either
 * (`StackOptions.functionVariables`), over the offline runtime's own variables (region,
 * credentials, and here the endpoint overrides that point the SDKs at the local services). The
 * Lambda runtime adds Lambda's defined variables (lambda-runtime/runtime-variables.ts); nothing
 * of the host reaches a function. Resources arrive as the stack's parts start; each invocation
 * computes its environment when it starts (lambda-runtime/function-env.ts), so nothing is ever
 * written to the server's `process.env` (docs/decisions/030, 039).
 */
import type { AppDefinition, FunctionDeclaration, FunctionEnvironmentContext } from '../app-definition.ts';
import type { FunctionEnv } from '../lambda-runtime/function-env.ts';

/** Log levels of Lambda's advanced logging controls (`LoggingConfig.ApplicationLogLevel`). */
const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

/** This stack's settings of the app's functions. */
export interface FunctionEnvironmentOptions {
  /** Per function name: values for variables it declares (sourced or tunable). */
  variables?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Every function's application log level, as Lambda's advanced logging controls set it. */
  logLevel?: string;
}

export class FunctionEnvironments {
  // Region, credentials and endpoints arrive as the stack's parts start (provideRuntime).
  private readonly runtime: FunctionEnv = {};
  private context: Partial<FunctionEnvironmentContext> = {};
  private readonly variables: Record<string, Readonly<Record<string, string>>> = {};

  /** Throws when `options` names a function the app lacks, a variable it does not declare, or an unknown log level. */
  constructor(
    private readonly app: Pick<AppDefinition, 'functions' | 'functionEnvironment'>,
    options: FunctionEnvironmentOptions = {},
  ) {
    for (const [name, values] of Object.entries(options.variables ?? {})) this.update(name, values);
    if (options.logLevel !== undefined) {
      const level = options.logLevel.toUpperCase();
      if (!LOG_LEVELS.includes(level)) throw new Error(`functionLogLevel must be one of ${LOG_LEVELS.join(', ')}, got '${options.logLevel}'`);
      // Lambda sets these for a function whose log format is JSON with an application log level.
      Object.assign(this.runtime, { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: level });
    }
  }

  /**
   * Sets values of variables the function `name` declares for every later invocation, as
   * Lambda's UpdateFunctionConfiguration does (over values set before). Throws for an unknown
   * function or a variable it does not declare: as in AWS, a function sees only its configuration.
   */
  update(name: string, values: Readonly<Record<string, string>>): void {
    const fn = this.app.functions?.find((f) => f.name === name);
    if (!fn) throw new Error(`functionVariables: the app has no function named '${name}'`);
    for (const variable of Object.keys(values)) {
      if (!(variable in fn.environment) && !(variable in (fn.tunables ?? {}))) throw new Error(`functionVariables: '${name}' declares no variable ${variable}`);
    }
    this.variables[name] = { ...this.variables[name], ...values };
  }

  /** Adds stack resources the app's `functionEnvironment` may value variables from. */
  provide(resources: Partial<FunctionEnvironmentContext>): void {
    this.context = { ...this.context, ...resources };
  }

  /** Adds offline-runtime variables every function sees (endpoints, region, credentials). */
  provideRuntime(env: FunctionEnv): void {
    Object.assign(this.runtime, env);
  }

  /**
   * The configuration of `fn` as of now: the runtime's variables, its memory, its tunables at
   * their defaults, its declared variables that have a value, then this stack's overrides.
   */
  of(fn: FunctionDeclaration): FunctionEnv {
    const values = this.app.functionEnvironment?.(this.context) ?? {};
    const declared: FunctionEnv = { ...fn.tunables };
    for (const [name, source] of Object.entries(fn.environment)) {
      const value = values[source];
      if (value !== undefined) declared[name] = value;
    }
    // The runtime reports the declared memory (AWS_LAMBDA_FUNCTION_MEMORY_SIZE, context.memoryLimitInMB).
    const memory: FunctionEnv = fn.memorySize === undefined ? {} : { AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize) };
    return { ...this.runtime, ...memory, ...declared, ...this.variables[fn.name] };
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
