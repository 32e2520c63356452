import { util, type Context } from '@aws-appsync/utils';
import { raiseIfError, values } from '../lib/ddb.ts';
import { userKey } from '../../definitions/keys.ts';

export function request(ctx: Context) {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(userKey(ctx.stash.callerId)),
    update: {
      expression: 'SET #upTo = :upTo, #unread = :zero',
      expressionNames: { '#upTo': 'notificationsReadUpTo', '#unread': 'unreadNotificationsCount' },
      expressionValues: values({ ':upTo': ctx.stash.readUpTo, ':zero': 0 }),
    },
    condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } },
  };
}

export function response(ctx: Context) {
  if (ctx.error && ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') util.error('Your profile does not exist', 'NotFound');
  raiseIfError(ctx);
  return true;
}
