/**
 * Subscriptions as AppSync runs them ("aws-appsync-real-time-data.html",
 * "aws-appsync-real-time-enhanced-filtering.html"): on `start` the document is validated, the
 * subscription field is authorized for the subscriber's mode and its resolver (if any) runs once,
 * possibly setting filters or refusing with `util.unauthorized()`/`util.error()`. Each event is
 * then rendered by applying the subscriber's selection set to the mutation's payload, with the
 * subscriber's auth rules on every nested field; no resolver runs at delivery.
 */
import { createHash } from 'node:crypto';
import {
  execute, getArgumentValues, getVariableValues, Kind, type FieldNode, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import type { AuthContext } from '../auth/types.ts';
import type { CachedDocument } from './document-cache.ts';
import { clean, formatRequestError } from './format-errors.ts';
import { createState, Phase } from './request-state.ts';
import { documentErrors, runDocument, selectOperation, shapeResult } from './execute-document.ts';
import type { AppSyncGraphQLError, ExecuteOptions, GraphQLRequest, PreparedSubscription, SubscriptionFilter } from './types.ts';

export interface SubscriptionDeps {
  schema: GraphQLSchema;
  mutationsBySubscription: ReadonlyMap<string, readonly string[]>;
  timeoutMs: number;
  /** The `queryDepthLimit` a run of `operation` must enforce (0: none). */
  depthLimitFor: (operation: OperationDefinitionNode, fragments: CachedDocument['fragments']) => number;
}

type Prepared = { ok: true; subscription: PreparedSubscription } | { ok: false; errors: AppSyncGraphQLError[] };

export async function prepareSubscription(deps: SubscriptionDeps, doc: CachedDocument, request: GraphQLRequest, options: ExecuteOptions): Promise<Prepared> {
  const { schema } = deps;
  if (doc.errors) return { ok: false, errors: documentErrors(doc).errors! };
  const operation = selectOperation(doc, request.operationName);
  if (typeof operation === 'string') return { ok: false, errors: [{ message: operation }] };
  if (operation.operation !== 'subscription') {
    return { ok: false, errors: [{ message: `Operation '${operation.operation}' is not a subscription`, errorType: 'BadRequestException' }] };
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return { ok: false, errors: coerced.errors.map((e) => clean(formatRequestError(e, 'variables'))) };

  const state = createState({
    phase: Phase.Prepare, auth: options.auth, requestId: options.requestId, headers: options.headers,
    domainName: options.domainName, variables: request.variables, timeoutMs: deps.timeoutMs,
    depthLimit: deps.depthLimitFor(operation, doc.fragments),
  });
  const run = await runDocument(schema, doc, operation, request.variables, state);
  if (run.result.errors?.length) return { ok: false, errors: run.result.errors };

  // Validation guarantees exactly one root field (SingleFieldSubscriptionsRule).
  const rootField = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)
    ?? firstFieldOfFragments(doc, operation.selectionSet.selections);
  const subscriptionType = schema.getSubscriptionType()!;
  const fieldDef = subscriptionType.getFields()[rootField.name.value];
  const allArgs = getArgumentValues(fieldDef, rootField, coerced.coerced);
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(allArgs)) if (v !== null && v !== undefined) args[k] = v;

  const groupKey = makeGroupKey(request, options.auth);
  const subscription: PreparedSubscription = {
    fieldName: fieldDef.name,
    args,
    mutations: [...(deps.mutationsBySubscription.get(fieldDef.name) ?? [])],
    filter: state.subscriptionFilter as SubscriptionFilter | undefined,
    invalidationFilter: state.subscriptionInvalidationFilter as SubscriptionFilter | undefined,
    groupKey,
    render: (payload) => render(deps, doc, operation, request.variables, options, payload),
  };
  return { ok: true, subscription };
}

function firstFieldOfFragments(doc: CachedDocument, selections: readonly { kind: string }[]): FieldNode {
  for (const s of selections as never[] as Array<{ kind: string; name?: { value: string }; selectionSet?: { selections: readonly { kind: string }[] } }>) {
    if (s.kind === Kind.FIELD) return s as unknown as FieldNode;
    const set = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : doc.fragments[s.name!.value]?.selectionSet;
    if (set) return firstFieldOfFragments(doc, set.selections);
  }
  throw new Error('subscription without a root field');
}

/**
 * Equal for subscriptions whose rendering of any payload is identical: the same document,
 * operation and variables, read under the same auth mode with the same groups and denials.
 * Identity beyond that does not matter because no resolver runs at delivery.
 */
function makeGroupKey(request: GraphQLRequest, auth: AuthContext): string {
  const material = JSON.stringify([
    request.query,
    request.operationName ?? null,
    request.variables ?? {},
    auth.mode,
    auth.mode === 'AMAZON_COGNITO_USER_POOLS' ? [...(auth.cognitoGroups ?? [])].sort() : [],
    [...(auth.deniedFields ?? [])].sort(),
  ]);
  return createHash('sha1').update(material).digest('base64url');
}

function render(
  deps: SubscriptionDeps,
  doc: CachedDocument,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  options: ExecuteOptions,
  payload: unknown,
) {
  const state = createState({
    phase: Phase.Render, auth: options.auth, requestId: options.requestId, headers: options.headers,
    domainName: options.domainName, variables, timeoutMs: deps.timeoutMs,
    depthLimit: deps.depthLimitFor(operation, doc.fragments),
  });
  state.payload = payload ?? null;
  const raw = execute({
    schema: deps.schema, document: doc.document!, operationName: operation.name?.value, variableValues: variables ?? undefined, contextValue: state, rootValue: null,
  });
  // Render never awaits: every field resolves synchronously from the payload.
  if (raw instanceof Promise) throw new Error('subscription rendering must be synchronous');
  return shapeResult(raw, state, deps.schema);
}

