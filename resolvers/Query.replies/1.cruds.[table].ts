import { util, type Context } from '@aws-appsync/utils';
import { notExpired, query } from '../lib/ddb.ts';
import { gsi } from '../../definitions/keys.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ crudId: string; limit?: number; nextToken?: string }>) {
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.replies(ctx.args.crudId),
    forward: true,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export { crudQueryResponse as response } from '../lib/crud-query.ts';
