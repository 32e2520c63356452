import { type Context } from '@aws-appsync/utils';
import { gsi } from '../../definitions/keys.ts';
import { userCrudIndexRequest } from '../lib/crud-query.ts';

/** The user's live replies on gsi3 (`REPLIES_BY#<user>`), newest first. */
export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return userCrudIndexRequest(ctx, 'gsi3', gsi.userReplies);
}

export { crudQueryResponse as response } from '../lib/crud-query.ts';
