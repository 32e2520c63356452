/**
 * Resolver spans end to end: the fixture engine with traced data sources, exported over OTLP to a
 * real receiver. Asserts the tree request → resolver (→ pipeline function) → data source.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleResolver, discoverResolvers } from '../../../../definitions/resolvers.ts';
import { createLambdaDataSource } from '../datasources/lambda.ts';
import { createNoneDataSource } from '../datasources/none.ts';
import { createEngine, type AppSyncEngine } from './create-engine.ts';
import { resolverTracer } from './resolver-spans.ts';
import { startCollector, type ReceivedSpan } from '../../observability/testing/otlp-collector.ts';
import { inSpan, startTracing, tracedDataSource, type Tracing } from '../../observability/tracing.ts';
import { fixtures, opts, schemaSource } from './testing/harness.ts';

let engine: AppSyncEngine;
let collector: Awaited<ReturnType<typeof startCollector>>;
let tracing: Tracing | undefined;

beforeAll(async () => {
  collector = await startCollector();
  engine = await createEngine({
    schemaSource,
    resolvers: discoverResolvers(path.join(fixtures, 'resolvers')),
    loadCode: bundleResolver,
    dataSources: {
      NONE: tracedDataSource(createNoneDataSource()),
      lambda: tracedDataSource(createLambdaDataSource({ name: 'lambda', handler: 'local/src/appsync/engine/testing/app/lambda.ts#handler', functionName: 'fixture' })),
    },
    defaultAuthMode: 'AWS_LAMBDA',
    additionalAuthModes: ['API_KEY'],
    env: {},
  });
});
afterAll(async () => {
  await tracing?.shutdown();
  await collector.close();
});

/** Runs `query` inside a `graphql.request` span, as the HTTP handler does, and returns its spans. */
async function traced(query: string, requestId: string): Promise<{ data: unknown; spans: ReceivedSpan[]; request: ReceivedSpan }> {
  const out = await inSpan('graphql.request', { 'appsync.request_id': requestId }, () => engine.execute({ query }, opts(undefined, requestId)));
  await tracing!.forceFlush();
  const spans = collector.spans.filter((s) => s.attributes['appsync.request_id'] === requestId);
  const request = spans.find((s) => s.name === 'graphql.request')!;
  expect(request).toBeDefined();
  for (const s of spans) expect(s.traceId).toBe(request.traceId);
  return { data: out.data, spans, request };
}

const named = (spans: ReceivedSpan[], name: string) => spans.filter((s) => s.name === name);
const childrenOf = (spans: ReceivedSpan[], parent: ReceivedSpan) => spans.filter((s) => s.parentSpanId === parent.spanId).map((s) => s.name);

describe('resolver spans', () => {
  it('are not created while no tracer provider is registered', async () => {
    expect(resolverTracer()).toBeUndefined();
    const r = await engine.execute({ query: '{ getPost(id: "5") { id } }' }, opts());
    expect(r).toEqual({ data: { getPost: { id: '5' } } });
  });

  it('nest data-source spans under unit resolver spans, and those under the request', async () => {
    tracing = startTracing({ endpoint: collector.endpoint });
    expect(resolverTracer()).toBeDefined();
    const { data, spans, request } = await traced('{ getPost(id: "5") { id } listPosts(count: 2) { id summary } }', 'trace-unit');
    expect(data).toEqual({ getPost: { id: '5' }, listPosts: [{ id: '1', summary: 'Title 1 (1 views)' }, { id: '2', summary: 'Title 2 (2 views)' }] });
    const getPost = named(spans, 'resolver Query.getPost');
    expect(getPost).toHaveLength(1);
    expect(getPost[0]).toMatchObject({
      parentSpanId: request.spanId,
      attributes: { 'graphql.type': 'Query', 'graphql.field': 'getPost', 'appsync.data_source': 'NONE', 'appsync.resolver.kind': 'UNIT' },
    });
    expect(childrenOf(spans, getPost[0])).toEqual(['datasource NONE']);
    expect(spans.find((s) => s.parentSpanId === getPost[0].spanId)!.attributes['appsync.field']).toBe('Query.getPost');
    // Field resolvers of nested objects are siblings under the request, as in AppSync's X-Ray trace.
    const summaries = named(spans, 'resolver Post.summary');
    expect(summaries).toHaveLength(2);
    for (const s of summaries) {
      expect(s.parentSpanId).toBe(request.spanId);
      expect(childrenOf(spans, s)).toEqual(['datasource NONE']);
    }
    expect(spans.filter((s) => s.name === 'datasource NONE').every((s) => s.parentSpanId !== request.spanId)).toBe(true);
  });

  it('nest each pipeline function under its resolver and its data source under the function', async () => {
    const { spans, request } = await traced('{ pipe(mode: "all") }', 'trace-pipe');
    const [pipe] = named(spans, 'resolver Query.pipe');
    expect(pipe).toMatchObject({ parentSpanId: request.spanId, attributes: { 'graphql.type': 'Query', 'graphql.field': 'pipe', 'appsync.resolver.kind': 'PIPELINE' } });
    expect(pipe.attributes['appsync.data_source']).toBeUndefined();
    expect(childrenOf(spans, pipe).sort()).toEqual(['function Query.pipe/1.first', 'function Query.pipe/2.second']);
    for (const [name, fn] of [['function Query.pipe/1.first', 'first'], ['function Query.pipe/2.second', 'second']]) {
      const [span] = named(spans, name);
      expect(span.attributes).toMatchObject({ 'graphql.type': 'Query', 'graphql.field': 'pipe', 'appsync.function': fn, 'appsync.data_source': 'NONE' });
      expect(childrenOf(spans, span)).toEqual(['datasource NONE']);
    }
  });

  it('record the error type a resolver or function raises', async () => {
    const unit = await traced('{ fail(kind: "response") { id } }', 'trace-fail');
    const [fail] = named(unit.spans, 'resolver Query.fail');
    expect(fail.attributes['appsync.error_type']).toBe('Custom');
    expect(childrenOf(unit.spans, fail)).toEqual(['datasource NONE']);

    const pipeline = await traced('{ pipe(mode: "error") }', 'trace-pipe-error');
    const [pipe] = named(pipeline.spans, 'resolver Query.pipe');
    const [second] = named(pipeline.spans, 'function Query.pipe/2.second');
    expect(pipe.attributes['appsync.error_type']).toBe('PipelineError');
    expect(second).toMatchObject({ parentSpanId: pipe.spanId, attributes: { 'appsync.error_type': 'PipelineError' } });
    // The failing function raised in its request handler: no data-source call.
    expect(childrenOf(pipeline.spans, second)).toEqual([]);
    expect(named(pipeline.spans, 'function Query.pipe/1.first')[0].attributes['appsync.error_type']).toBeUndefined();
  });
});
