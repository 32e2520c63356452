import { type Context } from '@aws-appsync/utils';
import { addEdgeRequest, writeEdgeResponse } from '../lib/edges.ts';

export function request(ctx: Context) {
  return addEdgeRequest(ctx, 'LIKE');
}

export function response(ctx: Context) {
  return writeEdgeResponse(ctx);
}
