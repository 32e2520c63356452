/**
 * A Lambda handler for storage tests: records every S3 event it receives and fails when told to.
 * State lives on globalThis, so the test sees it however the handler module was loaded.
 */
import type { S3Event } from '../events.ts';

interface Recorder {
  received: S3Event[];
  failuresLeft: number;
}

export function recorder(): Recorder {
  const g = globalThis as { __storageEvents?: Recorder };
  g.__storageEvents ??= { received: [], failuresLeft: 0 };
  return g.__storageEvents;
}

export async function handler(event: S3Event): Promise<void> {
  const r = recorder();
  r.received.push(event);
  if (r.failuresLeft > 0) {
    r.failuresLeft--;
    throw new Error('handler failure requested by the test');
  }
}
