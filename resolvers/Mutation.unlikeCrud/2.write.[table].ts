import { type Context } from '@aws-appsync/utils';
import { removeEdgeRequest, writeEdgeResponse } from '../lib/edges.ts';

export function request(ctx: Context) {
  return removeEdgeRequest(ctx, 'LIKE');
}

export function response(ctx: Context) {
  return writeEdgeResponse(ctx);
}
