/**
 * Synthetic stream records in Lambda's shape, for activity the API cannot backdate: tests choose
 * the items' times and the records' sequence numbers (DynamoDB's are 21+ digits, increasing).
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { crudKey, followsKey, likeKey, repostKey, userKey } from '../../../definitions/keys.ts';

type Item = Record<string, unknown>;

let counter = 0n;
/** A fresh sequence number, larger than every one handed out before in this process. */
export const nextSeq = (): string => (100000000000000000000n + ++counter).toString();

export interface RecordOptions {
  seq?: string;
  /** When the change happened (ApproximateCreationDateTime, whole seconds). */
  at: Date;
  ttl?: boolean;
}

function record(eventName: 'INSERT' | 'REMOVE', item: Item, o: RecordOptions): DynamoDBRecord {
  const image = marshall(item, { removeUndefinedValues: true }) as never;
  return {
    eventID: `${o.seq ?? ''}${eventName}${String(item.sk)}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(o.at.getTime() / 1000),
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      ...(eventName === 'INSERT' ? { NewImage: image } : { OldImage: image }),
      SequenceNumber: o.seq ?? nextSeq(),
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...(o.ttl ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
  } as DynamoDBRecord;
}

export const inserted = (item: Item, o: RecordOptions) => record('INSERT', item, o);
export const removed = (item: Item, o: RecordOptions) => record('REMOVE', item, o);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID for a chosen time (random part `n`, so ids are distinct and stable). */
export function ulidAt(t: Date, n: number): string {
  const encode = (value: number, length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) {
      out = CROCKFORD[value % 32] + out;
      value = Math.floor(value / 32);
    }
    return out;
  };
  return encode(t.getTime(), 10) + encode(n, 16);
}

const epoch = (t: Date) => Math.floor(t.getTime() / 1000);
const DAY = 86400_000;

/** Table items as the resolvers write them (docs/data-model.md). */
export const items = {
  profile: (id: string, handle: string, createdAt: Date): Item => ({ ...userKey(id), id, handle, handleLower: handle.toLowerCase(), displayName: handle, createdAt: createdAt.toISOString() }),
  crud: (id: string, authorId: string, createdAt: Date, message: string, extra: { replyToId?: string; hashtags?: string[]; expiresAt?: Date } = {}): Item => ({
    ...crudKey(id),
    type: 'CRUD',
    id,
    authorId,
    message,
    createdAt: createdAt.toISOString(),
    expiresAt: epoch(extra.expiresAt ?? new Date(createdAt.getTime() + 30 * DAY)),
    replyToId: extra.replyToId,
    hashtags: extra.hashtags ?? [],
    mentions: [],
    likesCount: 0,
    repliesCount: 0,
    repostsCount: 0,
  }),
  like: (crud: Item, userId: string, createdAt: Date): Item => ({
    ...likeKey(String(crud.id), userId),
    type: 'LIKE',
    crudId: crud.id,
    userId,
    crudAuthorId: crud.authorId,
    createdAt: createdAt.toISOString(),
    expiresAt: crud.expiresAt,
  }),
  repost: (crud: Item, userId: string, createdAt: Date, repostId: string): Item => ({
    ...repostKey(String(crud.id), userId),
    type: 'REPOST',
    crudId: crud.id,
    userId,
    crudAuthorId: crud.authorId,
    repostId,
    createdAt: createdAt.toISOString(),
    expiresAt: crud.expiresAt,
  }),
  follows: (followerId: string, followeeId: string, createdAt: Date): Item => ({ ...followsKey(followerId, followeeId), type: 'FOLLOWS', followerId, followeeId, createdAt: createdAt.toISOString() }),
};
