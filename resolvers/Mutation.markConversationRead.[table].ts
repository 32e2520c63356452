import { util, type Context } from '@aws-appsync/utils';
import { requireCaller } from './lib/identity.ts';
import { raiseIfError, values } from './lib/ddb.ts';
import { memberKey } from '../definitions/keys.ts';
import { conversationFromMember } from './lib/items.ts';

/** Resets the caller's unread count; the condition on the member row keeps non-members out. */
export function request(ctx: Context<{ conversationId: string }>) {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(memberKey(requireCaller(ctx), ctx.args.conversationId)),
    update: {
      expression: 'SET #unread = :zero, #lread = #lid',
      expressionNames: { '#unread': 'unreadCount', '#lread': 'lastReadMessageId', '#lid': 'lastMessageId' },
      expressionValues: values({ ':zero': 0 }),
    },
    condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } },
  };
}

export function response(ctx: Context) {
  if (ctx.error && ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') util.unauthorized();
  raiseIfError(ctx);
  return conversationFromMember(ctx.result);
}
