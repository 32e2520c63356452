import { type Context } from '@aws-appsync/utils';

/** A just-created notification is unread. */
export function request(ctx: Context<{ input: Record<string, unknown> }>) {
  return { payload: Object.assign({}, ctx.args.input, { read: false }) };
}

export function response(ctx: Context) {
  return ctx.result;
}
