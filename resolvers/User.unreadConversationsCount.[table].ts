import { runtime, util, type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from './lib/ddb.ts';
import { callerId } from './lib/identity.ts';
import { gsi } from '../definitions/keys.ts';

/**
 * How many conversations are awaiting the caller (unread messages from others): one Query of the
 * inbox index (`INBOX#<me>`, most recent first) filtered on the member row's unreadCount. A
 * conversation with an unread message was active recently, so the newest INBOX_WINDOW rows hold
 * them all in practice; the nav shows "99+" long before that. Private to its owner, like
 * unreadNotificationsCount: null on anyone else's profile.
 */
const INBOX_WINDOW = 100;

export function request(ctx: Context) {
  if (callerId(ctx) !== ctx.source.id) runtime.earlyReturn(null);
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.inbox(ctx.source.id),
    forward: false,
    limit: INBOX_WINDOW,
    filter: { expression: '#unread > :zero', expressionNames: { '#unread': 'unreadCount' }, expressionValues: util.dynamodb.toMapValues({ ':zero': 0 }) },
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.result.items.length;
}
