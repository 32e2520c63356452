/**
 * Notification rows (`NOTIF#<recipient>` / `<13-digit ms>#<type>#<actor>#<crud or ->`) for likes,
 * reposts, replies, mentions and follows. One notification per (recipient, kind, actor, crud):
 * a marker keyed without the time (`notifiedKey`) is put only if absent in the same transaction
 * that puts the row and bumps the recipient's unread counter, so neither a replayed stream record
 * nor a like toggled on and off again notifies twice. Nobody is notified about their own actions,
 * nor by someone they block, are blocked by, or mute.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { crudKey, handleKey, ItemType, notificationKey, notifiedKey, userKey } from '../../definitions/keys.ts';
import { dynamoClient, tableName } from '../shared/table.ts';
import { transactOnce, type Item } from './table-ops.ts';
import { isShielded } from './safety.ts';

export type NotificationType = 'LIKE' | 'REPLY' | 'FOLLOW' | 'MENTION' | 'REPOST';

export interface NotificationEvent {
  recipientId: string;
  type: NotificationType;
  actorId: string;
  crudId?: string;
  /** ISO time of the event (the like, the reply …). */
  createdAt: string;
}

/** Notifications are kept for 30 days. */
export const NOTIFICATION_RETENTION_SECONDS = 30 * 86400;

export function notificationId(e: NotificationEvent): string {
  const ms = String(Date.parse(e.createdAt));
  return `${ms}#${e.type}#${e.actorId}#${e.crudId ?? '-'}`;
}

/** The notification row of an event (also used by the large fixture's bulk builder). */
export function notificationRow(e: NotificationEvent): Item {
  const row: Item = {
    ...notificationKey(e.recipientId, notificationId(e)),
    type: ItemType.NOTIF,
    kind: e.type,
    recipientId: e.recipientId,
    actorId: e.actorId,
    createdAt: e.createdAt,
    expiresAt: Math.floor(Date.parse(e.createdAt) / 1000) + NOTIFICATION_RETENTION_SECONDS,
  };
  if (e.crudId) row.crudId = e.crudId;
  return row;
}

/** The once-only guard of a notification row (also used by the large fixture's bulk builder). */
export function notificationMarker(e: NotificationEvent, row: Item = notificationRow(e)): Item {
  return { ...notifiedKey(e.recipientId, e.type, e.actorId, e.crudId ?? '-'), type: ItemType.MARKER, expiresAt: row.expiresAt };
}

/**
 * Writes one notification (once). Returns false when it already existed, is self-inflicted, or the
 * recipient blocks, is blocked by, or mutes the actor (the actor is not told).
 */
export async function notify(e: NotificationEvent): Promise<boolean> {
  if (!e.recipientId || e.recipientId === e.actorId) return false;
  if (await isShielded(e.recipientId, e.actorId)) return false;
  const row = notificationRow(e);
  const marker = notificationMarker(e, row);
  return transactOnce([
    { Put: { TableName: tableName(), Item: marshall(marker), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: tableName(), Item: marshall(row), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Update: {
        TableName: tableName(),
        Key: marshall(userKey(e.recipientId)),
        UpdateExpression: 'ADD #unread :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#unread': 'unreadNotificationsCount' },
        ExpressionAttributeValues: marshall({ ':one': 1 }),
      },
    },
  ]);
}

async function getItem(key: { pk: string; sk: string }): Promise<Item | undefined> {
  const res = await dynamoClient().send(new GetItemCommand({ TableName: tableName(), Key: marshall(key), ConsistentRead: true }));
  return res.Item ? unmarshall(res.Item) : undefined;
}

/** The notifications a new crud causes: REPLY to the parent's author, MENTION to each mentioned user. */
export async function notificationsForCrud(crud: Item): Promise<NotificationEvent[]> {
  const events: NotificationEvent[] = [];
  let parentAuthor: string | undefined;
  if (crud.replyToId) {
    const parent = await getItem(crudKey(crud.replyToId));
    parentAuthor = parent?.authorId;
    if (parentAuthor) events.push({ recipientId: parentAuthor, type: 'REPLY', actorId: crud.authorId, crudId: crud.id, createdAt: crud.createdAt });
  }
  for (const handle of (crud.mentions as string[] | undefined) ?? []) {
    const claim = await getItem(handleKey(handle));
    const userId = claim?.userId as string | undefined;
    // A reply that also mentions the parent's author notifies them once, as a reply.
    if (userId && userId !== parentAuthor) events.push({ recipientId: userId, type: 'MENTION', actorId: crud.authorId, crudId: crud.id, createdAt: crud.createdAt });
  }
  return events;
}

/** LIKE / REPOST rows notify the crud's author; FOLLOWS rows notify the followed user. */
export function notificationForEdge(row: Item): NotificationEvent | undefined {
  if (row.type === 'LIKE' || row.type === 'REPOST') {
    return { recipientId: row.crudAuthorId, type: row.type, actorId: row.userId, crudId: row.crudId, createdAt: row.createdAt };
  }
  if (row.type === ItemType.FOLLOWS) return { recipientId: row.followeeId, type: 'FOLLOW', actorId: row.followerId, createdAt: row.createdAt };
  return undefined;
}
