import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoneDataSource } from '../appsync/datasources/none.ts';
import { startCollector } from './testing/otlp-collector.ts';
import { inSpan, startTracing, tracedDataSource, type Tracing } from './tracing.ts';

let collector: Awaited<ReturnType<typeof startCollector>>;
let tracing: Tracing | undefined;

beforeAll(async () => {
  collector = await startCollector();
});
afterAll(async () => {
  await tracing?.shutdown();
  await collector.close();
});

describe('tracing', () => {
  it('registers nothing without an OTLP endpoint', () => {
    const saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    expect(startTracing()).toBeUndefined();
    if (saved !== undefined) process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved;
  });

  it('runs spans and data sources directly while no provider is registered', async () => {
    const source = createNoneDataSource('NONE');
    const traced = tracedDataSource(source);
    let handed: unknown;
    const out = await inSpan('graphql.request', {}, async (span) => {
      handed = span;
      return traced.invoke({ payload: 1 }, { requestId: 'r-0', context: {} });
    });
    expect(out).toEqual({ result: 1 });
    expect((handed as { isRecording(): boolean }).isRecording()).toBe(false);
    // Untraced, `inSpan` hands every caller the same shared non-recording span.
    let again: unknown;
    await inSpan('graphql.request', {}, async (span) => {
      again = span;
    });
    expect(again).toBe(handed);
  });

  it('exports a data-source span as a child of the active request span', async () => {
    tracing = startTracing({ endpoint: collector.endpoint });
    const none = tracedDataSource(createNoneDataSource('NONE'));
    await inSpan('graphql.request', { 'appsync.request_id': 'r-1' }, async () => {
      const out = await none.invoke({ payload: { a: 1 } }, { requestId: 'r-1', context: { info: { parentTypeName: 'Query', fieldName: 'ping' } } });
      expect(out).toEqual({ result: { a: 1 } });
    });
    await tracing!.forceFlush();
    const request = collector.spans.find((s) => s.name === 'graphql.request');
    const ds = collector.spans.find((s) => s.name === 'datasource NONE');
    expect(request?.attributes['appsync.request_id']).toBe('r-1');
    expect(ds).toMatchObject({ traceId: request!.traceId, parentSpanId: request!.spanId, attributes: { 'appsync.field': 'Query.ping', 'appsync.datasource.type': 'NONE' } });
  });
});
