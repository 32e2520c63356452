import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context<{ title: string }>) {
  const id = util.autoId();
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ pk: 'TODOS', sk: id }),
    attributeValues: util.dynamodb.toMapValues({ id, title: ctx.args.title, done: false }),
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
