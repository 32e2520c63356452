/**
 * OpenTelemetry spans for the offline API, exported over OTLP/HTTP only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set (the standard variable; AppSync's own equivalent is X-Ray).
 * Without it nothing is registered and the API's tracer is a no-op.
 * Spans: `graphql.request` (HTTP endpoint) → `resolver Type.field` / `function Type.field/n.name`
 * (the engine, appsync/engine/resolver-spans.ts) → `datasource <name>` (every data-source call,
 * named after the field it serves). Context flows through async calls via AsyncLocalStorage.
 */
import { context, INVALID_SPAN_CONTEXT, ProxyTracerProvider, trace, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { DataSource } from '../appsync/datasources/types.ts';

export const TRACER_NAME = 'cruddur-local';

/** The tracer every component uses; a no-op until `startTracing` registers a provider. */
export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/**
 * The registered provider's tracer, or undefined without one. The global proxy's `getTracer`
 * would allocate a no-op tracer per call, and a no-op span and context per span; data sources run
 * ~60 times per feed query, so the untraced path skips all of that.
 */
function activeTracer(): Tracer | undefined {
  const provider = trace.getTracerProvider();
  return provider instanceof ProxyTracerProvider ? provider.getDelegateTracer(TRACER_NAME) : provider.getTracer(TRACER_NAME);
}

/** Handed to `inSpan` callbacks when nothing is registered: records nothing. */
const NON_RECORDING_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

export interface Tracing {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Registers the global tracer provider when an OTLP endpoint is configured; returns undefined
 * (and registers nothing) otherwise.
 */
export function startTracing(options: { endpoint?: string; serviceName?: string } = {}): Tracing | undefined {
  const endpoint = options.endpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? 'cruddur-local' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }))],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);
  return {
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}

/** Runs `fn` in an active span, recording failures; the span ends when `fn` settles. */
export async function inSpan<T>(name: string, attributes: Record<string, string | number | boolean>, fn: (span: Span) => Promise<T>): Promise<T> {
  const active = activeTracer();
  if (active === undefined) return fn(NON_RECORDING_SPAN);
  return active.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Wraps a data source so each call is a span (child of the active resolver span) named after its field. */
export function tracedDataSource(source: DataSource): DataSource {
  return {
    name: source.name,
    type: source.type,
    invoke(request, info) {
      if (activeTracer() === undefined) return source.invoke(request, info);
      const ctxInfo = (info.context as { info?: { parentTypeName?: string; fieldName?: string } }).info;
      const operation = (request as { operation?: unknown } | null)?.operation;
      return inSpan(
        `datasource ${source.name}`,
        {
          'appsync.datasource': source.name,
          'appsync.datasource.type': source.type,
          'appsync.field': ctxInfo ? `${ctxInfo.parentTypeName}.${ctxInfo.fieldName}` : '',
          'appsync.request_id': info.requestId,
          ...(typeof operation === 'string' ? { 'appsync.operation': operation } : {}),
        },
        async (span) => {
          const response = await source.invoke(request, info);
          if (response.error) span.setAttribute('appsync.error_type', response.error.type);
          return response;
        },
      );
    },
  };
}
