/**
 * Installs one `resolve` function per schema field, with everything it needs precomputed (auth
 * rule, compiled resolver), so a request pays only for what the field actually does. Every field
 * checks the caller's auth mode against the schema's directives and the Lambda authorizer's
 * `deniedFields` before anything runs; a denied field resolves to null with AppSync's
 * `Unauthorized` error (graphql-js applies non-null propagation). The API's limits apply here too:
 * a field deeper than `queryDepthLimit` fails with `QueryDepthLimitReached`, a resolver past
 * `resolverCountLimit` with `ResolverExecutionLimitReached` — which also ends the request's
 * data-source work (request-work.ts). Resolver starts take turns with other requests
 * (request-turns.ts).
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { ApiCache } from '../cache/api-cache.ts';
import { isAllowed, type FieldAuthRule } from '../schema/auth-rules.ts';
import { depthLimitError, FieldError, resolverLimitError, unauthorizedError } from './field-error.ts';
import { locatedAt } from './located-error.ts';
import { pathDepth } from './query-depth.ts';
import { Phase, type RequestState } from './request-state.ts';
import { runResolver, type CompiledResolver, type RunnerEnv } from './run-resolver.ts';

export interface InstallOptions {
  authRules: ReadonlyMap<string, FieldAuthRule>;
  resolvers: ReadonlyMap<string, CompiledResolver>;
  env: RunnerEnv;
  maxResolvers: number;
  /** AppSync's server-side cache, when the API has one: cached resolvers go through it. */
  cache?: ApiCache;
}

type Resolve = GraphQLFieldResolver<unknown, RequestState, Record<string, unknown>>;

export function installFieldResolvers(schema: GraphQLSchema, options: InstallOptions): void {
  const subscriptionType = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isSubscriptionRoot = type === subscriptionType;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const rule = options.authRules.get(key)!;
      const resolver = options.resolvers.get(key);
      field.resolve = makeResolve(key, field.name, rule, resolver, isSubscriptionRoot, options);
    }
  }
}

function makeResolve(
  key: string,
  fieldName: string,
  rule: FieldAuthRule,
  resolver: CompiledResolver | undefined,
  isSubscriptionRoot: boolean,
  options: InstallOptions,
): Resolve {
  const cached = resolver !== undefined && options.cache !== undefined && options.cache.caches(key);
  return (source, args, state, info) => {
    if (state.depthLimit !== 0 && pathDepth(info.path) > state.depthLimit) throw locatedAt(depthLimitError(state.depthLimit), info);
    if (!isAllowed(rule, state.auth) || (state.denied !== null && state.denied.has(key))) {
      throw unauthorizedError(info.fieldName, info.parentType.name);
    }
    if (state.phase === Phase.Render) {
      // Subscription delivery: the root field is the event payload; nothing else runs resolvers.
      if (isSubscriptionRoot) return state.payload;
      return propertyOf(source, fieldName);
    }
    if (!resolver) return propertyOf(source, fieldName);
    const start = () => {
      // Counted when it starts, so the resolvers within the limit are the first ones to run.
      if (++state.resolverCount > options.maxResolvers) {
        // One error per request: a bomb fails hundreds of resolvers, and each new Error pays for a stack.
        const error = state.work.ended ?? resolverLimitError();
        state.work.end(error, false);
        throw locatedAt(error, info);
      }
      const exec = () => runResolver(resolver, source, args, state, info, options.env);
      const run = (cached && state.phase === Phase.Execute ? cachedRun(options.cache!, key, source, args, state, exec) : exec()).catch((err: unknown) => {
        throw err instanceof FieldError ? locatedAt(err, info) : err;
      });
      // The subscription resolver runs once on start; its result is not delivered.
      return state.phase === Phase.Prepare && isSubscriptionRoot ? run.then(() => null) : run;
    };
    // Past the limit nothing is left to run, so there is nothing to wait a turn for either.
    if (state.resolverCount >= options.maxResolvers) return start();
    // Every resolver asked for here will start (in order, request-turns.ts), so once more are
    // asked for than the limit allows, the request is bound to end with the limit error.
    if (++state.resolversRequested > options.maxResolvers) state.work.expectLimit();
    return state.turns.run(start);
  };
}

/** A cached resolver: answered from the cache, or run and kept unless it failed (api-cache.ts). */
function cachedRun(cache: ApiCache, key: string, source: unknown, args: Record<string, unknown>, state: RequestState, exec: () => Promise<unknown>) {
  const appended = state.appended.length;
  return cache.through(key, {
    maps: { arguments: args, source, identity: state.auth.identity },
    run: exec,
    failed: () => state.aborted || state.appended.length !== appended,
  });
}

/** AppSync's default resolution: the same-named property of the parent value. */
function propertyOf(source: unknown, name: string): unknown {
  if (source === null || typeof source !== 'object') return null;
  return (source as Record<string, unknown>)[name];
}
