/** The before/after handlers most pipelines share: run the functions, return the last result. */
import { type Context } from '@aws-appsync/utils';

export function passThroughRequest(): Record<string, never> {
  return {};
}

export function lastResult(ctx: Context) {
  return ctx.prev.result;
}
