/**
 * Runs a cached document with graphql-js and shapes the outcome as AppSync does: request errors
 * with `data: null`, field errors in AppSync's entry format, `util.appendError` entries, and the
 * 30-second request timeout ("Execution timed out.", errorType `ExecutionTimeout`), which also
 * ends the request's data-source work.
 */
import { execute, getOperationAST, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CachedDocument } from './document-cache.ts';
import { FieldError, TIMEOUT_MESSAGE, TIMEOUT_TYPE } from './field-error.ts';
import { clean, formatAppended, formatFieldError, formatRequestError } from './format-errors.ts';
import type { RequestState } from './request-state.ts';
import type { AppSyncGraphQLError, ExecuteResult } from './types.ts';

export interface RunOutcome {
  result: ExecuteResult;
  operation?: OperationDefinitionNode;
  timedOut: boolean;
}

/** The errors of a document that failed to parse or validate. */
export function documentErrors(doc: CachedDocument): ExecuteResult {
  return { data: null, errors: doc.errors!.map((e) => clean(formatRequestError(e.error, e.kind, e.fieldPath, e.argument))) };
}

/** Picks the operation to run, or explains (with graphql-java's wording) why none can run. */
export function selectOperation(doc: CachedDocument, operationName: string | null | undefined): OperationDefinitionNode | string {
  const op = getOperationAST(doc.document!, operationName ?? undefined);
  if (op) return op;
  if (operationName) return `Unknown operation named '${operationName}'.`;
  return 'Must provide operation name if query contains multiple operations.';
}

export function shapeResult(raw: ExecutionResult, state: RequestState, schema: GraphQLSchema): ExecuteResult {
  const errors: AppSyncGraphQLError[] = [];
  if (raw.errors) {
    for (const e of raw.errors) {
      // Every field error has a path: without one, variable coercion failed before execution.
      errors.push(clean(e.path === undefined ? formatRequestError(e, 'variables') : formatFieldError(e, schema)));
    }
  }
  for (const a of state.appended) errors.push(clean(formatAppended(a)));
  const out: ExecuteResult = { data: (raw.data as Record<string, unknown> | null | undefined) ?? null };
  if (errors.length) out.errors = errors;
  return out;
}

/** Executes `operation` with `state` as graphql-js context; resolves within the request deadline. */
export async function runDocument(
  schema: GraphQLSchema,
  doc: CachedDocument,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  state: RequestState,
): Promise<RunOutcome> {
  const maybe = execute({
    schema,
    document: doc.document!,
    operationName: operation.name?.value,
    variableValues: variables ?? undefined,
    contextValue: state,
    rootValue: null,
  });
  if (!(maybe instanceof Promise)) return { result: shapeResult(maybe, state, schema), operation, timedOut: false };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, state.deadline - Date.now()));
  });
  try {
    const raw = await Promise.race([maybe, timeout]);
    // A resolver may notice the deadline before the timer fires; the answer is the same.
    if (raw === 'timeout' || state.aborted) {
      state.aborted = true;
      // Queued data-source calls are dropped and those in flight signalled: nothing of this
      // request keeps running after its answer.
      state.work.end(new FieldError(TIMEOUT_MESSAGE, TIMEOUT_TYPE), true);
      return { result: { data: null, errors: [{ errorType: TIMEOUT_TYPE, message: TIMEOUT_MESSAGE }] }, operation, timedOut: true };
    }
    return { result: shapeResult(raw, state, schema), operation, timedOut: false };
  } finally {
    clearTimeout(timer);
  }
}
