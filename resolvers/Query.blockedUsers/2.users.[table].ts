import { type Context } from '@aws-appsync/utils';
import { usersRequest, usersResponse } from '../lib/related.ts';

export function request(ctx: Context) {
  return usersRequest(ctx, 'targetId');
}

export function response(ctx: Context) {
  return usersResponse(ctx, 'users');
}
