import { describe, expect, it } from 'vitest';
import { events } from './testing/echo-lambda.ts';
import { createLambdaDataSource } from './lambda.ts';

const handler = 'local/src/appsync/datasources/testing/echo-lambda.ts#handler';
const ds = createLambdaDataSource({ name: 'fn', handler, functionName: 'echo', timeoutMs: 200, maxBatchSize: 2 });
const context = {
  arguments: { id: '1' },
  identity: { sub: 'u' },
  source: null,
  request: { headers: {} },
  prev: null,
  info: { fieldName: 'f', parentTypeName: 'Query', variables: {} },
  stash: { s: 1 },
  env: { X: '1' },
  result: null,
};
const info = { requestId: 'r', context };

describe('AWS_LAMBDA data source', () => {
  it('Invoke sends the payload as the event', async () => {
    expect(await ds.invoke({ operation: 'Invoke', payload: { a: 1 } }, info)).toEqual({ result: { echoed: { a: 1 }, fn: 'echo' } });
  });

  it("without a payload sends AppSync's direct-Lambda context", async () => {
    const r = await ds.invoke({ operation: 'Invoke' }, info);
    expect(r.result).toEqual({
      echoed: { arguments: { id: '1' }, identity: { sub: 'u' }, source: null, request: { headers: {} }, prev: null, info: context.info, stash: { s: 1 } },
      fn: 'echo',
    });
  });

  it('a thrown error becomes ctx.error Lambda:Unhandled', async () => {
    expect(await ds.invoke({ operation: 'Invoke', payload: { boom: true } }, info)).toEqual({ error: { message: 'Kaboom', type: 'Lambda:Unhandled' } });
  });

  it('a timeout becomes Lambda:Unhandled with Lambda’s message', async () => {
    expect(await ds.invoke({ operation: 'Invoke', payload: { sleep: 1000 } }, info)).toEqual({
      error: { message: 'Task timed out after 0.20 seconds', type: 'Lambda:Unhandled' },
    });
  });

  it("invocationType 'Event' does not wait for the result", async () => {
    events.length = 0;
    expect(await ds.invoke({ operation: 'Invoke', invocationType: 'Event', payload: { e: 1 } }, info)).toEqual({ result: null });
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual([{ e: 1 }]);
  });

  it('BatchInvoke batches one pass of the same field, up to maxBatchSize per event', async () => {
    events.length = 0;
    const results = await Promise.all([1, 2, 3].map((n) => ds.invoke({ operation: 'BatchInvoke', payload: { n } }, info)));
    expect(results).toEqual([{ result: { echoed: { n: 1 } } }, { result: { echoed: { n: 2 } } }, { result: { echoed: { n: 3 } } }]);
    expect(events).toEqual([[{ n: 1 }, { n: 2 }], [{ n: 3 }]]);
  });

  it('BatchInvoke answering the wrong number of results fails every item', async () => {
    const results = await Promise.all([{ short: true }, {}].map((p) => ds.invoke({ operation: 'BatchInvoke', payload: p }, info)));
    const failure = { error: { message: 'BatchInvoke expected a list of 2 results, got 1 items', type: 'Lambda:Unhandled' } };
    expect(results).toEqual([failure, failure]);
  });

  it('rejects unknown operations', async () => {
    expect(await ds.invoke({ operation: 'Nope' }, info)).toEqual({ error: { message: "Unsupported operation 'Nope'. Use Invoke or BatchInvoke.", type: 'Lambda:Unhandled' } });
  });
});
