import { type Context } from '@aws-appsync/utils';
import { handleLookupRequest } from '../lib/handles.ts';
import { targetResponse } from '../lib/safety.ts';

export function request(ctx: Context<{ handle: string }>) {
  return handleLookupRequest(ctx.args.handle);
}

export function response(ctx: Context) {
  return targetResponse(ctx, 'unmute');
}
