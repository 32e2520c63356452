/**
 * Runs one field's resolver the way AppSync does: a unit resolver is request → data source →
 * response; a pipeline is before → functions (each request → data source → response) → after,
 * sharing `ctx.stash`, passing `ctx.prev.result`, honouring `runtime.earlyReturn`
 * ("runtime-utils-js.html"). Data-source errors go to `ctx.error` and only surface if a response
 * handler raises them ("resolver-context-reference-js": ctx.error).
 */
import type { Tracer } from '@opentelemetry/api';
import { Kind, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import type { DataSource } from '../datasources/types.ts';
import { FieldError, TIMEOUT_MESSAGE, TIMEOUT_TYPE, unauthorizedError } from './field-error.ts';
import type { RequestState } from './request-state.ts';
import { Phase } from './request-state.ts';
import { functionSpanStart, inResolverSpan, resolverSpanStart, resolverTracer } from './resolver-spans.ts';
import { evaluateHandler, type CompiledCode, type Outcome } from './runtime-port.ts';
import { projectBySelection, selectionSetGraphQL, selectionSetList } from './selection.ts';

export interface CompiledFunction {
  name: string;
  code: CompiledCode;
  dataSource: DataSource;
}

export interface CompiledResolver {
  typeName: string;
  fieldName: string;
  kind: 'UNIT' | 'PIPELINE';
  code: CompiledCode;
  dataSource?: DataSource;
  functions: CompiledFunction[];
}

export interface RunnerEnv {
  env: Record<string, string>;
  onLog?: (requestId: string, field: string, line: string) => void;
}

type Ctx = Record<string, unknown>;

interface SelectionInfo {
  nodes: readonly FieldNode[];
  list: string[];
  graphql: string;
  /** Arguments given as `$variables`: AppSync passes an unsupplied one as an explicit null. */
  variableArgs: string[];
}

const selectionCache = new WeakMap<FieldNode, SelectionInfo>();

function selectionInfo(info: GraphQLResolveInfo) {
  const first = info.fieldNodes[0];
  const hit = selectionCache.get(first);
  if (hit && (hit.nodes === info.fieldNodes || (hit.nodes.length === info.fieldNodes.length && hit.nodes.every((n, i) => n === info.fieldNodes[i])))) {
    return hit;
  }
  const entry: SelectionInfo = {
    nodes: info.fieldNodes,
    list: selectionSetList(info.fieldNodes, info.fragments),
    graphql: selectionSetGraphQL(info.fieldNodes),
    variableArgs: (first.arguments ?? []).filter((a) => a.value.kind === Kind.VARIABLE).map((a) => a.name.value),
  };
  selectionCache.set(first, entry);
  return entry;
}

/** Builds `ctx` exactly as AppSync hands it to a resolver. */
function buildContext(state: RequestState, env: RunnerEnv, source: unknown, args: Record<string, unknown>, info: GraphQLResolveInfo): Ctx {
  const sel = selectionInfo(info);
  // aws/aws-appsync-community#348: a nullable argument bound to a variable the client did not
  // send reaches JS resolvers as `null`, where graphql-js leaves it out.
  for (const name of sel.variableArgs) if (!(name in args)) args[name] = null;
  return {
    arguments: args,
    args,
    identity: state.auth.identity,
    source: source ?? null,
    stash: {},
    result: null,
    prev: null,
    request: state.request,
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      variables: state.variables,
      selectionSetList: sel.list,
      selectionSetGraphQL: sel.graphql,
    },
    env: env.env,
  };
}

/** Applies an outcome's side effects; throws the field error AppSync would raise. */
function settle(outcome: Outcome, ctx: Ctx, state: RequestState, info: GraphQLResolveInfo): void {
  ctx.stash = outcome.stash;
  if (outcome.appended.length) {
    for (const e of outcome.appended) {
      state.appended.push({
        message: e.message,
        errorType: e.errorType ?? null,
        data: projectBySelection(e.data, info.fieldNodes, info.fragments),
        errorInfo: e.errorInfo ?? null,
        path: pathOf(info),
        nodes: info.fieldNodes,
      });
    }
  }
  if (outcome.invalidations.length && state.phase === Phase.Execute) state.invalidations.push(...outcome.invalidations);
  if (outcome.evictions.length && state.phase === Phase.Execute) state.evictions.push(...outcome.evictions);
  if (state.phase === Phase.Prepare) {
    if (outcome.subscriptionFilter !== undefined) state.subscriptionFilter = outcome.subscriptionFilter;
    if (outcome.subscriptionInvalidationFilter !== undefined) state.subscriptionInvalidationFilter = outcome.subscriptionInvalidationFilter;
  }
  // A JavaScript error in resolver code (aws/aws-appsync-community#328 shows errorType "Code").
  if (outcome.runtimeError !== undefined) throw new FieldError(outcome.runtimeError, 'Code');
  if (outcome.unauthorized) throw unauthorizedError(info.fieldName, info.parentType.name);
  if (outcome.error) {
    const e = outcome.error;
    throw new FieldError(e.message, e.errorType ?? null, projectBySelection(e.data, info.fieldNodes, info.fragments), e.errorInfo ?? null);
  }
}

function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) out.push(p.key);
  return out.reverse();
}

function checkDeadline(state: RequestState): void {
  if (state.aborted || Date.now() > state.deadline) {
    state.aborted = true;
    const error = new FieldError(TIMEOUT_MESSAGE, TIMEOUT_TYPE);
    state.work.end(error, true);
    throw error;
  }
}

/** Whether one resolver execution has reached a data source yet. */
interface Progress {
  underway: boolean;
}

/** One data-source call, through the request's bounded and cancellable queue (request-work.ts). */
async function callDataSource(ds: DataSource, request: unknown, ctx: Ctx, state: RequestState, progress: Progress): Promise<void> {
  checkDeadline(state);
  const response = await state.work.run((signal) => {
    progress.underway = true;
    return ds.invoke(request, { requestId: state.requestId, context: ctx, signal });
  }, progress.underway);
  // Back from I/O: the request's slice (request-turns.ts) starts afresh.
  state.turns.resume();
  ctx.result = response.result ?? null;
  ctx.error = response.error ? { message: response.error.message, type: response.error.type } : undefined;
}

/**
 * Runs `resolver` for one field and returns the field's value (or throws its FieldError). With a
 * tracer provider registered, the run is a `resolver Type.field` span and each pipeline function
 * a child span, so data-source spans nest under them (resolver-spans.ts).
 */
export function runResolver(
  resolver: CompiledResolver,
  source: unknown,
  args: Record<string, unknown>,
  state: RequestState,
  info: GraphQLResolveInfo,
  env: RunnerEnv,
): Promise<unknown> {
  const tracer = resolverTracer();
  if (tracer === undefined) return execute(resolver, source, args, state, info, env, undefined);
  return inResolverSpan(tracer, resolverSpanStart(resolver, state.requestId), () => execute(resolver, source, args, state, info, env, tracer));
}

async function execute(
  resolver: CompiledResolver,
  source: unknown,
  args: Record<string, unknown>,
  state: RequestState,
  info: GraphQLResolveInfo,
  env: RunnerEnv,
  tracer: Tracer | undefined,
): Promise<unknown> {
  checkDeadline(state);
  const progress: Progress = { underway: false };
  const ctx = buildContext(state, env, source, args, info);
  const field = `${info.parentType.name}.${info.fieldName}`;
  const onLog = env.onLog ? (line: string) => env.onLog!(state.requestId, field, line) : undefined;
  const run = (code: CompiledCode, handler: 'request' | 'response') => {
    const outcome = evaluateHandler(code, handler, ctx, state.requestId, onLog);
    settle(outcome, ctx, state, info);
    return outcome;
  };

  if (resolver.kind === 'UNIT') {
    const req = run(resolver.code, 'request');
    // Unit resolver: earlyReturn skips the data source and the response handler.
    if (req.earlyReturn) return req.value ?? null;
    await callDataSource(resolver.dataSource!, req.value, ctx, state, progress);
    return run(resolver.code, 'response').value ?? null;
  }

  const before = run(resolver.code, 'request');
  let prevResult = before.value ?? null;
  // earlyReturn in the before handler skips the functions unless it asks for NEXT.
  const skipFunctions = Boolean(before.earlyReturn) && before.earlyReturn!.skipTo !== 'NEXT';
  if (!skipFunctions) {
    for (let i = 0; i < resolver.functions.length; i++) {
      const fn = resolver.functions[i];
      ctx.prev = { result: prevResult };
      ctx.result = null;
      ctx.error = undefined;
      const step = () => runStep(fn, ctx, state, info, onLog, progress);
      const last = tracer === undefined ? await step() : await inResolverSpan(tracer, functionSpanStart(resolver, fn, i, state.requestId), step);
      prevResult = last.value ?? null;
      if (last.earlyReturn?.skipTo === 'END') break;
    }
  }
  ctx.prev = { result: prevResult };
  ctx.result = null;
  ctx.error = undefined;
  return run(resolver.code, 'response').value ?? null;
}

/**
 * One pipeline function: request → data source → response. Returns the outcome whose value
 * becomes `ctx.prev.result`: the request handler's when it returned early, else the response's.
 */
async function runStep(
  fn: CompiledFunction,
  ctx: Ctx,
  state: RequestState,
  info: GraphQLResolveInfo,
  onLog: ((line: string) => void) | undefined,
  progress: Progress,
): Promise<Outcome> {
  const req = runFunction(fn.code, 'request', ctx, state, info, onLog);
  if (req.earlyReturn) return req;
  await callDataSource(fn.dataSource, req.value, ctx, state, progress);
  return runFunction(fn.code, 'response', ctx, state, info, onLog);
}

function runFunction(
  code: CompiledCode,
  handler: 'request' | 'response',
  ctx: Ctx,
  state: RequestState,
  info: GraphQLResolveInfo,
  onLog: ((line: string) => void) | undefined,
): Outcome {
  checkDeadline(state);
  const outcome = evaluateHandler(code, handler, ctx, state.requestId, onLog);
  settle(outcome, ctx, state, info);
  return outcome;
}
