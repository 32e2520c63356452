/**
 * The entry point of an isolated Lambda execution environment (a child process started by
 * ./isolated.ts): receives one invocation at a time over IPC, runs the handler with
 * ./invoke.ts exactly as the in-process path does, and answers with its result or error.
 */
import { invokeHandler, type InvokeOptions } from './invoke.ts';

/** Parent → environment. */
export interface InvokeMessage {
  id: number;
  handler: string;
  event: unknown;
  options: InvokeOptions;
}

/** Environment → parent. */
export type ResultMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

process.on('message', (message: InvokeMessage) => {
  void invokeHandler(message.handler, message.event, message.options).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies ResultMessage),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      process.send?.({ id: message.id, ok: false, error: { name: e.name, message: e.message, stack: e.stack } } satisfies ResultMessage);
    },
  );
});
