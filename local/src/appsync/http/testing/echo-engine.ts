/**
 * A graphql-js engine for the HTTP layer's own tests: it executes real GraphQL and echoes what
 * the transport handed it (auth context, request id, headers), so tests can see exactly what
 * crossed the boundary. The full AppSync engine is exercised by the stack tests.
 */
import { buildSchema, graphql } from 'graphql';
import type { Engine, ExecuteOptions } from '../../engine/types.ts';

const schema = buildSchema(`
  type Query { whoami: String, fail: String, crash: String }
`);

export function createEchoEngine(): Engine & { calls: ExecuteOptions[] } {
  const calls: ExecuteOptions[] = [];
  return {
    schema,
    calls,
    async execute(request, options) {
      calls.push(options);
      if (request.query.includes('crash')) throw new Error('engine crashed');
      const result = await graphql({
        schema,
        source: request.query,
        variableValues: request.variables ?? undefined,
        operationName: request.operationName ?? undefined,
        rootValue: {
          whoami: () => JSON.stringify({ mode: options.auth.mode, identity: options.auth.identity, requestId: options.requestId }),
          fail: () => {
            throw new Error('boom');
          },
        },
      });
      return {
        data: (result.data as Record<string, unknown> | null | undefined) ?? null,
        errors: result.errors?.map((e) => ({ message: e.message, errorType: 'Custom', path: e.path ? [...e.path] : undefined })),
      };
    },
    async prepareSubscription() {
      return { ok: false, errors: [{ message: 'not supported' }] };
    },
    onMutation: () => () => undefined,
    onInvalidation: () => () => undefined,
  };
}
