import { type Context } from '@aws-appsync/utils';
import { bucketRequest, bucketResponse } from '../lib/trends.ts';

export function request() {
  return bucketRequest(0);
}

export function response(ctx: Context) {
  return bucketResponse(ctx);
}
