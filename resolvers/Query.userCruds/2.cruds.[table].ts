import { type Context } from '@aws-appsync/utils';
import { gsi } from '../../definitions/keys.ts';
import { userCrudIndexRequest } from '../lib/crud-query.ts';

/** The user's live top-level cruds on gsi2 (`CRUDS#<user>`), newest first. */
export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return userCrudIndexRequest(ctx, 'gsi2', gsi.userCruds);
}

export { crudQueryResponse as response } from '../lib/crud-query.ts';
