import { type Context } from '@aws-appsync/utils';
import { followRowsRequest } from '../lib/follow-lists.ts';

export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return followRowsRequest(ctx, 'FOLLOWER');
}

export { followRowsResponse as response } from '../lib/follow-lists.ts';
