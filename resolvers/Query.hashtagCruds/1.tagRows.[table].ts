import { runtime, util, type Context } from '@aws-appsync/utils';
import { notExpired, query } from '../lib/ddb.ts';
import { hashtagKey } from '../../definitions/keys.ts';
import { normalizeTag } from '../lib/text.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ tag: string; limit?: number; nextToken?: string }>) {
  const limit = pageLimit(ctx.args.limit);
  const tag = normalizeTag(ctx.args.tag);
  ctx.stash.rows = [];
  if (!tag) runtime.earlyReturn(0);
  return query({
    pkName: 'pk',
    pkValue: hashtagKey(tag, '').pk,
    forward: false,
    limit,
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export { rowsPageResponse as response } from '../lib/crud-batch.ts';
