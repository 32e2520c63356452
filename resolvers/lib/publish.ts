/**
 * The IAM-only publish mutations (NONE data source): the stream consumers' input passes through
 * as the mutation result, which `@aws_subscribe` delivers to subscribers after applying the
 * publisher's selection set. Nested fields (FeedItem.crud, Notification.actor …) resolve from the
 * ids the input carries.
 */
import { type Context } from '@aws-appsync/utils';

export function passInput(ctx: Context<{ input: Record<string, unknown> }>) {
  return { payload: ctx.args.input };
}

export function passResult(ctx: Context) {
  return ctx.result;
}
