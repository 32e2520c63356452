/**
 * What a table item or stream record means to the analytics database: a `Change` that
 * `insights_apply` (database/migrations/003-insights-apply.sql) applies. The stream consumer and
 * the backfill both go through here, so they write the same rows. Item shapes: docs/data-model.md.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isTtlDeletion } from '../shared/stream-record.ts';

type Item = Record<string, unknown>;

/** The sequence number the backfill uses: lower than any stream record's, so the stream always wins. */
export const BACKFILL_SEQ = '0';

export type Change =
  | { entity: 'user'; seq: string; id: string; handle: string | null; joinedAt: string | null; removedAt: string | null }
  | {
      entity: 'crud';
      seq: string;
      id: string;
      authorId: string;
      replyToId: string | null;
      message: string | null;
      createdAt: string;
      expiresAt: string;
      hashtags: string[];
      removedAt: string | null;
      removal: 'deleted' | 'expired' | null;
    }
  | {
      entity: 'engagement';
      seq: string;
      kind: 'like' | 'repost';
      crudId: string;
      userId: string;
      crudAuthorId: string;
      crudCreatedAt: string;
      crudExpiresAt: string;
      createdAt: string;
      undoneAt: string | null;
    }
  | { entity: 'follow'; seq: string; followerId: string; followeeId: string; followedAt: string; unfollowedAt: string | null };

/** How an item left the table: by a request (`deleted`) or by TTL (`expired`), and when. */
export interface Removal {
  at: string;
  byTtl: boolean;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The creation time encoded in a ULID's first 10 characters (48-bit epoch milliseconds). */
export function ulidTime(id: string): string {
  let ms = 0;
  for (const ch of id.slice(0, 10).toUpperCase()) {
    const v = CROCKFORD.indexOf(ch);
    if (v < 0) throw new Error(`not a ULID: ${id}`);
    ms = ms * 32 + v;
  }
  return new Date(ms).toISOString();
}

const epochSeconds = (v: unknown): string => new Date(Number(v) * 1000).toISOString();
const iso = (v: unknown): string => new Date(String(v)).toISOString();
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function required(item: Item, ...names: string[]): void {
  for (const n of names) if (item[n] === undefined || item[n] === null) throw new Error(`${String(item.type ?? item.sk)} item without ${n}`);
}

/**
 * The change an item stands for (`removal` unset: it exists), or null for items Insights ignore
 * (feed rows, notifications, messages, counters…).
 */
export function changeFromItem(item: Item, seq: string, removal?: Removal): Change | null {
  if (item.sk === 'PROFILE') {
    required(item, 'id');
    return {
      entity: 'user',
      seq,
      id: String(item.id),
      handle: removal ? null : str(item.handle),
      joinedAt: item.createdAt ? iso(item.createdAt) : null,
      removedAt: removal?.at ?? null,
    };
  }
  switch (item.type) {
    case 'CRUD':
      required(item, 'id', 'authorId', 'createdAt', 'expiresAt');
      return {
        entity: 'crud',
        seq,
        id: String(item.id),
        authorId: String(item.authorId),
        replyToId: str(item.replyToId),
        message: removal ? null : String(item.message ?? ''),
        createdAt: iso(item.createdAt),
        expiresAt: epochSeconds(item.expiresAt),
        hashtags: Array.isArray(item.hashtags) ? item.hashtags.map(String) : [],
        removedAt: removal?.at ?? null,
        removal: removal ? (removal.byTtl ? 'expired' : 'deleted') : null,
      };
    case 'LIKE':
    case 'REPOST':
      required(item, 'crudId', 'userId', 'crudAuthorId', 'createdAt', 'expiresAt');
      return {
        entity: 'engagement',
        seq,
        kind: item.type === 'LIKE' ? 'like' : 'repost',
        crudId: String(item.crudId),
        userId: String(item.userId),
        crudAuthorId: String(item.crudAuthorId),
        // The crud's own record may not have been applied yet: its row is created from these.
        crudCreatedAt: ulidTime(String(item.crudId)),
        crudExpiresAt: epochSeconds(item.expiresAt),
        createdAt: iso(item.createdAt),
        // A TTL removal is not an undo: the like happened and still counts.
        undoneAt: removal && !removal.byTtl ? removal.at : null,
      };
    case 'FOLLOWS':
      required(item, 'followerId', 'followeeId', 'createdAt');
      return {
        entity: 'follow',
        seq,
        followerId: String(item.followerId),
        followeeId: String(item.followeeId),
        followedAt: iso(item.createdAt),
        unfollowedAt: removal?.at ?? null,
      };
    default:
      return null;
  }
}

/** The change a stream record carries, or null (MODIFY records and items Insights ignore). */
export function changeFromRecord(record: DynamoDBRecord): Change | null {
  const seq = record.dynamodb?.SequenceNumber;
  if (!seq) throw new Error('stream record without a SequenceNumber');
  if (record.eventName === 'INSERT' && record.dynamodb?.NewImage) {
    return changeFromItem(unmarshall(record.dynamodb.NewImage as never), seq);
  }
  if (record.eventName === 'REMOVE' && record.dynamodb?.OldImage) {
    const at = record.dynamodb.ApproximateCreationDateTime;
    if (at === undefined) throw new Error('REMOVE record without ApproximateCreationDateTime');
    return changeFromItem(unmarshall(record.dynamodb.OldImage as never), seq, { at: epochSeconds(at), byTtl: isTtlDeletion(record) });
  }
  return null;
}
