/**
 * Setup for the hybrid fan-out benchmark: the whole offline stack, three signed-in demo users and
 * an audience of synthetic followers for andrewbrown written straight into the store (FOLLOWER
 * rows and the followers counter, as the follow transaction leaves them; no consumer reads
 * FOLLOWER rows' stream records, so no per-follower side work happens).
 */
import { BatchWriteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { demoUsers } from '../../definitions/demo-users.ts';
import { crudKey, followerKey, gsi, userKey } from '../../definitions/keys.ts';
import { operationFor, signIn, type Operation } from '../../seed/api.ts';
import { startStack, type Stack } from '../../local/src/stack.ts';

export interface Person {
  id: string;
  token: string;
  op: Operation;
}

export interface Bench {
  stack: Stack;
  people: Record<'andrewbrown' | 'bayko' | 'londo', Person>;
  put(item: Record<string, unknown>): Promise<unknown>;
}

export async function startBench(): Promise<Bench> {
  const stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  const people = {} as Bench['people'];
  for (const handle of ['andrewbrown', 'bayko', 'londo'] as const) {
    const token = await signIn(stack.cognito.url, stack.cognito.clientId, demoUsers.find((d) => d.handle === handle)!);
    const op = operationFor(stack.urls.graphql, token);
    const me = await op<{ me: { id: string } }>('{ me { id } }');
    people[handle] = { id: me.data!.me.id, token, op };
  }
  const put = (item: Record<string, unknown>) => stack.dynamo.client.send(new PutItemCommand({ TableName: stack.dynamo.tableName, Item: marshall(item) }));
  return { stack, people, put };
}

/** `count` synthetic followers of `accountId` (FOLLOWER rows), and its followersCount raised by as many. */
export async function addFollowers(b: Bench, accountId: string, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => {
    const followerId = `bench-follower-${String(i).padStart(6, '0')}`;
    return { ...followerKey(accountId, followerId), type: 'FOLLOWER', followerId, followeeId: accountId, createdAt: new Date().toISOString() };
  });
  for (let i = 0; i < rows.length; i += 25) {
    if (i % 1000 === 0) process.stderr.write(`[celebrity] followers ${i}/${count} ${new Date().toISOString()}\n`);
    const batch = rows.slice(i, i + 25).map((Item) => ({ PutRequest: { Item: marshall(Item) } }));
    await b.stack.dynamo.client.send(new BatchWriteItemCommand({ RequestItems: { [b.stack.dynamo.tableName]: batch } }));
  }
  await b.stack.dynamo.client.send(
    new UpdateItemCommand({
      TableName: b.stack.dynamo.tableName,
      Key: marshall(userKey(accountId)),
      UpdateExpression: 'ADD followersCount :n',
      ExpressionAttributeValues: marshall({ ':n': count }),
    }),
  );
}

/** `count` live top-level cruds by `authorId`, as createCrud writes them (ids ordered by `stamp`). */
export async function addCruds(b: Bench, authorId: string, count: number, stamp: string): Promise<void> {
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  for (let i = 0; i < count; i++) {
    const id = `${stamp}${String(i).padStart(26 - stamp.length, '0')}`;
    await b.put({
      ...crudKey(id), type: 'CRUD', id, authorId, message: `bench crud ${i}`, createdAt: new Date().toISOString(), expiresAt,
      repliesCount: 0, likesCount: 0, repostsCount: 0, hashtags: [], mentions: [], gsi2pk: gsi.userCruds(authorId), gsi2sk: id, gsi3pk: 'PUBLIC', gsi3sk: id,
    });
  }
}

export const quantile = (xs: number[], q: number) => [...xs].sort((a, c) => a - c)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
