/**
 * The writes of one message: the message row, both members' rows and the conversation row in one
 * transaction. Member rows are upserts (UpdateItem with if_not_exists), so the first message
 * creates the conversation and later ones bump it: the inbox (gsi2 `INBOX#<user>`, sorted by last
 * message id) reorders by an attribute update, never by delete + re-put.
 */
import { util } from '@aws-appsync/utils';
import { tx, values } from './ddb.ts';
import { conversationKey, conversationMembers, gsi, ItemType, memberKey, messageKey } from '../../definitions/keys.ts';
import type { Item } from './items.ts';
import { clip } from '../../definitions/text.ts';

/** Inbox previews keep the first 100 characters (code points) of the last message; the message row keeps it whole. */
export const PREVIEW_LENGTH = 100;

export interface NewMessage {
  id: string;
  conversationId: string;
  senderId: string;
  peerId: string;
  body: string;
  createdAt: string;
}

export function messageItem(m: NewMessage): Item {
  const key = messageKey(m.conversationId, m.id);
  return {
    pk: key.pk,
    sk: key.sk,
    type: ItemType.MSG,
    id: m.id,
    conversationId: m.conversationId,
    senderId: m.senderId,
    memberIds: [m.senderId, m.peerId],
    body: m.body,
    createdAt: m.createdAt,
  };
}

/** Upserts one member's row; the sender has read everything up to their own message. */
export function memberUpsert(table: string, m: NewMessage, userId: string): Item {
  const isSender = userId === m.senderId;
  const unread = isSender ? ':zero' : 'if_not_exists(#unread, :zero) + :one';
  return tx(table, 'UpdateItem', memberKey(userId, m.conversationId), {
    update: {
      expression:
        'SET #type = :type, #cid = :cid, #uid = :uid, #peer = :peer, #mids = :mids, #lid = :lid, #lat = :lat, ' +
        '#lbody = :lbody, #lsender = :lsender, #g2pk = :g2pk, #g2sk = :lid, #created = if_not_exists(#created, :lat), ' +
        `#unread = ${unread}` +
        (isSender ? ', #lread = :lid' : ''),
      expressionNames: Object.assign(
        {
          '#type': 'type',
          '#cid': 'conversationId',
          '#uid': 'userId',
          '#peer': 'peerId',
          '#mids': 'memberIds',
          '#lid': 'lastMessageId',
          '#lat': 'lastMessageAt',
          '#lbody': 'lastMessageBody',
          '#lsender': 'lastMessageSenderId',
          '#g2pk': 'gsi2pk',
          '#g2sk': 'gsi2sk',
          '#created': 'createdAt',
          '#unread': 'unreadCount',
        },
        isSender ? { '#lread': 'lastReadMessageId' } : {},
      ),
      expressionValues: values(
        Object.assign(
          {
            ':type': 'MEMBER',
            ':cid': m.conversationId,
            ':uid': userId,
            ':peer': isSender ? m.peerId : m.senderId,
            ':mids': conversationMembers(m.conversationId),
            ':lid': m.id,
            ':lat': m.createdAt,
            ':lbody': clip(m.body, PREVIEW_LENGTH),
            ':lsender': m.senderId,
            ':g2pk': gsi.inbox(userId),
            ':zero': 0,
          },
          isSender ? {} : { ':one': 1 },
        ),
      ),
    },
  });
}

export function conversationUpsert(table: string, m: NewMessage): Item {
  return tx(table, 'UpdateItem', conversationKey(m.conversationId), {
    update: {
      expression: 'SET #type = :type, #id = :id, #mids = :mids, #lat = :lat, #created = if_not_exists(#created, :lat)',
      expressionNames: { '#type': 'type', '#id': 'id', '#mids': 'memberIds', '#lat': 'lastMessageAt', '#created': 'createdAt' },
      expressionValues: values({ ':type': 'CONV', ':id': m.conversationId, ':mids': conversationMembers(m.conversationId), ':lat': m.createdAt }),
    },
  });
}

export function newMessage(conversationId: string, senderId: string, peerId: string, body: string): NewMessage {
  return { id: util.autoUlid(), conversationId, senderId, peerId, body, createdAt: util.time.nowISO8601() };
}
