/**
 * An input a built-in helper refuses. AppSync reports these like an uncaught error of the resolver
 * code ("code.js:12:5: <message>") but without an error-class prefix, so the runtime renders this
 * class by its message alone (lib/entry.ts).
 */
export class CodeError extends Error {}

/** Throws a CodeError: the handler stops and EvaluateCode reports `message` at the calling line. */
export function refuse(message: string): never {
  throw new CodeError(message);
}
