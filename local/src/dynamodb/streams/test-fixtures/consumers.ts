/**
 * Stream consumer handlers for the event source mapping tests. Each test scripts the handler's
 * behaviour through `globalThis.__streamTest` (shared by the test and the in-process invoker).
 */
import type { StreamRecord } from '../record.ts';

export interface StreamTestScript {
  /** Every event the handler received, in order. */
  calls: { Records: StreamRecord[] }[];
  /** Decides the response (or throws) for each call. */
  respond?: (event: { Records: StreamRecord[] }, call: number) => unknown;
}

function script(): StreamTestScript {
  const g = globalThis as { __streamTest?: StreamTestScript };
  g.__streamTest ??= { calls: [] };
  return g.__streamTest;
}

export async function handler(event: { Records: StreamRecord[] }): Promise<unknown> {
  const s = script();
  s.calls.push(event);
  return s.respond ? s.respond(event, s.calls.length) : undefined;
}
