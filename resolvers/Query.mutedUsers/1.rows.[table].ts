import { type Context } from '@aws-appsync/utils';
import { rowsRequest, rowsResponse } from '../lib/safety-lists.ts';

export function request(ctx: Context<{ nextToken?: string }>) {
  return rowsRequest(ctx, 'MUTES');
}

export { rowsResponse as response };
