import { util, type Context } from '@aws-appsync/utils';
import { createPgStatement, select, toJsonObject } from '@aws-appsync/utils/rds';

export function request(ctx: Context<{ minLikes: number }>) {
  return createPgStatement(select({ table: 'post', columns: ['author', 'likes'], where: { likes: { ge: ctx.args.minLikes } }, orderBy: [{ column: 'author' }] }));
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return toJsonObject(ctx.result)[0];
}
