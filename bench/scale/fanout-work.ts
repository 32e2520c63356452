/**
 * Fan-out work per post by follower count: an author with N followers (bulk-loaded) posts one
 * crud through the DynamoDB endpoint; its INSERT record is handed to the real `feed-fanout` consumer
 * (processRecord), and we count what that one record costs: consumer time, items it wrote (stream
 * records of its writes, by type), and DynamoDB data-plane calls the consumer made (its SDK
 * client, counted by a middleware), with the read and write units they imply.
 */
import { randomUUID } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { startDynamo, type StreamRecord } from '../../local/src/dynamodb/index.ts';
import { crudKey, followerKey, followsKey, gsi, userKey } from '../../definitions/keys.ts';
import { ulidAt } from '../../seed/large/items.ts';
import { itemSize, readUnits, writeUnits } from '../cost/item-size.ts';
import { table as cruddurTable } from '../../definitions/table.ts';

export interface FanoutSample {
  followers: number;
  consumerMs: number;
  itemsWritten: Record<string, number>;
  calls: Record<string, number>;
  /** Items read by queries (followers list) in the consumer. */
  itemsRead: number;
  /** On-demand units the consumer's calls imply (item sizes per DynamoDB's rules). */
  readUnits: number;
  writeUnits: number;
}

/** Written by transactOnce (a conditional transaction), billed at two units per item. */
const TRANSACTIONAL = new Set(['MARKER', 'TREND', 'NOTIF']);

export async function measureFanout(followerCounts: number[]): Promise<FanoutSample[]> {
  const dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  Object.assign(process.env, { TABLE_NAME: dynamo.tableName, AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: dynamo.region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'ERROR' });
  const { processRecord } = await import('../../lambdas/feed-fanout/index.ts');
  const { dynamoClient } = await import('../../lambdas/shared/table.ts');
  const calls: Record<string, number> = {};
  let itemsRead = 0;
  let rru = 0;
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      calls[context.commandName ?? '?'] = (calls[context.commandName ?? '?'] ?? 0) + 1;
      const out = await next(args);
      const page = out.output as { Count?: number; Items?: Record<string, never>[]; Item?: Record<string, never> };
      if (context.commandName === 'GetItemCommand') rru += readUnits(page.Item ? itemSize(page.Item) : 0, (args.input as { ConsistentRead?: boolean }).ConsistentRead);
      if (typeof page.Count === 'number') {
        itemsRead += page.Count;
        rru += readUnits((page.Items ?? []).reduce((n, i) => n + itemSize(i), 0));
      }
      return out;
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const samples: FanoutSample[] = [];
  try {
    for (const n of followerCounts) {
      const author = randomUUID();
      const now = new Date().toISOString();
      const rows: Record<string, unknown>[] = [{ ...userKey(author), id: author, handle: `a${n}`, followersCount: n, crudsCount: 0 }];
      for (let i = 0; i < n; i++) {
        const f = randomUUID();
        const row = { followerId: f, followeeId: author, createdAt: now };
        rows.push({ ...followerKey(author, f), type: 'FOLLOWER', ...row }, { ...followsKey(f, author), type: 'FOLLOWS', ...row });
      }
      for (let i = 0; i < rows.length; i += 5000) await dynamo.importItems(rows.slice(i, i + 5000).map((r) => marshall(r)) as never);

      let insert: StreamRecord | undefined;
      const written: Record<string, number> = {};
      let wru = 0;
      const unsubscribe = dynamo.streams.subscribe((r) => {
        if (!insert) insert = r;
        else {
          const type = (r.dynamodb.NewImage?.type?.S ?? r.dynamodb.OldImage?.type?.S ?? '?') as string;
          written[type] = (written[type] ?? 0) + 1;
          wru += writeUnits(itemSize((r.dynamodb.NewImage ?? r.dynamodb.Keys) as never), TRANSACTIONAL.has(type));
        }
      });
      const id = ulidAt(Date.now());
      const crud = { ...crudKey(id), type: 'CRUD', id, authorId: author, message: `post to ${n} followers #bench`, createdAt: now, expiresAt: Math.floor(Date.now() / 1000) + 86400, repliesCount: 0, likesCount: 0, repostsCount: 0, hashtags: ['bench'], mentions: [], gsi2pk: gsi.userCruds(author), gsi2sk: id, gsi3pk: gsi.publicFeed, gsi3sk: id };
      await dynamo.client.send(new PutItemCommand({ TableName: dynamo.tableName, Item: marshall(crud) }));
      for (const k of Object.keys(calls)) delete calls[k];
      itemsRead = 0;
      rru = 0;
      const began = performance.now();
      await processRecord(insert as unknown as DynamoDBRecord);
      const consumerMs = performance.now() - began;
      unsubscribe();
      samples.push({ followers: n, consumerMs, itemsWritten: written, calls: { ...calls }, itemsRead, readUnits: rru, writeUnits: wru });
    }
  } finally {
    await dynamo.close();
  }
  return samples;
}
