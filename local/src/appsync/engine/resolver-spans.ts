/**
 * One OpenTelemetry span per resolver execution (unit resolver, pipeline resolver, each pipeline
 * function), so a data source's span hangs off the resolver that called it, the way AppSync's
 * X-Ray trace nests resolver subsegments under the request ("x-ray-tracing.html"). The engine
 * knows only `@opentelemetry/api`: whoever registers a tracer provider decides whether and where
 * spans go. With no provider registered nothing is allocated per field: `resolverTracer()` answers
 * `undefined` and the caller runs the resolver directly.
 */
import { context, ProxyTracerProvider, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import type { CompiledFunction, CompiledResolver } from './run-resolver.ts';
import { FieldError } from './field-error.ts';

/** Instrumentation scope of the engine's spans. */
export const ENGINE_TRACER_SCOPE = 'cruddur-local/appsync-engine';

/**
 * The registered provider's tracer, or `undefined` when none is registered. The API's global
 * provider is a proxy whose `getTracer` would build a fresh no-op `ProxyTracer` on every call
 * (and `startActiveSpan` a non-recording span and a context); asking the proxy for its delegate's
 * tracer costs two property reads instead.
 */
export function resolverTracer(): Tracer | undefined {
  const provider = trace.getTracerProvider();
  return provider instanceof ProxyTracerProvider ? provider.getDelegateTracer(ENGINE_TRACER_SCOPE) : provider.getTracer(ENGINE_TRACER_SCOPE);
}

/** `resolver Query.homeFeed` with the attributes every resolver span carries. */
export function resolverSpanStart(resolver: CompiledResolver, requestId: string): [string, Attributes] {
  const attributes: Attributes = {
    'graphql.type': resolver.typeName,
    'graphql.field': resolver.fieldName,
    'appsync.resolver.kind': resolver.kind,
    'appsync.request_id': requestId,
  };
  if (resolver.dataSource) attributes['appsync.data_source'] = resolver.dataSource.name;
  return [`resolver ${resolver.typeName}.${resolver.fieldName}`, attributes];
}

/** `function Query.homeFeed/2.cruds` (1-based position in the pipeline, as the files are numbered). */
export function functionSpanStart(resolver: CompiledResolver, fn: CompiledFunction, index: number, requestId: string): [string, Attributes] {
  return [
    `function ${resolver.typeName}.${resolver.fieldName}/${index + 1}.${fn.name}`,
    {
      'graphql.type': resolver.typeName,
      'graphql.field': resolver.fieldName,
      'appsync.function': fn.name,
      'appsync.data_source': fn.dataSource.name,
      'appsync.request_id': requestId,
    },
  ];
}

/**
 * Runs `fn` with a new span active (a child of the currently active one), so spans started inside
 * it (data sources, pipeline functions) become its children. A raised error is recorded with its
 * AppSync error type (`appsync.error_type`) and marks the span failed; the error still propagates.
 */
export function inResolverSpan<T>(tracer: Tracer, [name, attributes]: [string, Attributes], fn: () => Promise<T>): Promise<T> {
  const parent = context.active();
  const span = tracer.startSpan(name, { attributes }, parent);
  return context.with(trace.setSpan(parent, span), fn).then(
    (value) => {
      span.end();
      return value;
    },
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      const type = errorTypeOf(err);
      if (type) span.setAttribute('appsync.error_type', type);
      span.setStatus({ code: SpanStatusCode.ERROR, message });
      span.end();
      throw err;
    },
  );
}

/** `util.error(message)` without a type raises an untyped error: no attribute then. */
function errorTypeOf(err: unknown): string | null {
  if (err instanceof FieldError) return err.errorType;
  return err instanceof Error ? err.name : null;
}
