import { util, type Context } from '@aws-appsync/utils';
import { notExpired, query } from '../lib/ddb.ts';
import { gsi } from '../../definitions/keys.ts';
import { pageLimit } from '../lib/validate.ts';

/** The caller's like rows (they carry the crud's expiresAt, so expired ones are filtered here). */
export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return query({
    index: 'gsi1',
    pkName: 'gsi1pk',
    pkValue: gsi.userLikes(ctx.stash.callerId),
    forward: false,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export { rowsPageResponse as response } from '../lib/crud-batch.ts';
