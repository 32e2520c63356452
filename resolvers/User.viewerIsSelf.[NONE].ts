import { type Context } from '@aws-appsync/utils';
import { callerId } from './lib/identity.ts';

export function request(ctx: Context) {
  return { payload: callerId(ctx) === ctx.source.id };
}

export function response(ctx: Context) {
  return ctx.result;
}
