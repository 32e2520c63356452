import { util, type Context } from '@aws-appsync/utils';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';

// Two statements: the insert, then every post, most liked first.
export function request(ctx: Context<{ author: string; likes: number }>) {
  return createPgStatement(sql`INSERT INTO post (author, likes) VALUES (${ctx.args.author}, ${ctx.args.likes})`, sql`SELECT author, likes FROM post ORDER BY likes DESC`);
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return toJsonObject(ctx.result)[1];
}
