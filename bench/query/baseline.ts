/**
 * The same-run ceiling: a bare graphql-js server on node:http (parse + validate cached per query
 * string, no auth, no APPSYNC_JS) answering the feed query from the same store with the same
 * accesses the resolvers make — the caller's pull links (hybrid fan-out, decision 026; the bench's
 * reader follows no pulled account, so no RECENT read follows), the feed Query, one BatchGetItem
 * of cruds, one of authors — and the same response bytes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchGetItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { crudKey, feedKey, SkPrefix, userKey } from '../../definitions/keys.ts';
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql';

const schema = buildSchema(`
  type User { id: ID! handle: String! displayName: String! }
  type Crud { id: ID! message: String! createdAt: String! likesCount: Int! author: User! }
  type FeedItem { id: ID! reason: String! createdAt: String! crud: Crud! }
  type FeedItemConnection { items: [FeedItem!]! nextToken: String }
  type Query { homeFeed(limit: Int): FeedItemConnection! }
`);

/** The attributes of crud, feed and profile items the feed reads. */
interface Item {
  [attribute: string]: unknown;
  id: string;
  sk: string;
  crudId: string;
  authorId: string;
  expiresAt?: number;
}

/** `client`: the SDK client over HTTP, or the store's in-process client (same `send` contract). */
export async function startBaseline(client: Pick<DynamoDBClient, 'send'>, tableName: string, readerId: string): Promise<{ url: string; server: Server }> {
  const documents = new Map<string, DocumentNode>();
  const rootValue = {
    async homeFeed({ limit }: { limit?: number }) {
      const now = Math.floor(Date.now() / 1000);
      const pulls = await liveQuery(userKey(readerId).pk, now, { prefix: SkPrefix.PULL, limit: 50 });
      if ((pulls.Items ?? []).length > 0) throw new Error('the bench reader must follow no pulled account');
      const page = await liveQuery(feedKey(readerId, '').pk, now, { newestFirst: true, limit: limit ?? 20 });
      const rows = (page.Items ?? []).map((i) => unmarshall(i) as Item);
      const ids = [...new Set(rows.map((r) => r.crudId))];
      const cruds = await batchGet(ids.map((id) => crudKey(id)));
      const live = rows.filter((r) => cruds.has(r.crudId) && (cruds.get(r.crudId)!.expiresAt ?? Infinity) > now);
      const authorIds = [...new Set(live.map((r) => cruds.get(r.crudId)!.authorId))];
      const authors = await batchGet(authorIds.map((id) => userKey(id)));
      return {
        items: live.map((r) => ({ id: r.sk, reason: r.reason, createdAt: r.createdAt, crud: crudOf(cruds.get(r.crudId)!, authors) })),
        nextToken: page.LastEvaluatedKey ? 'more' : null,
      };
    },
  };
  /** A Query of one partition (optionally a sort-key prefix) that skips expired items. */
  function liveQuery(pk: string, now: number, options: { prefix?: string; newestFirst?: boolean; limit: number }) {
    return client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: options.prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        FilterExpression: 'attribute_not_exists(#exp) OR #exp > :now',
        ExpressionAttributeNames: { '#exp': 'expiresAt' },
        ExpressionAttributeValues: marshall({ ':pk': pk, ':now': now, ...(options.prefix ? { ':prefix': options.prefix } : {}) }),
        ScanIndexForward: !options.newestFirst,
        Limit: options.limit,
      }),
    );
  }
  async function batchGet(keys: { pk: string; sk: string }[]): Promise<Map<string, Item>> {
    if (keys.length === 0) return new Map();
    const out = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: keys.map((k) => marshall(k)) } } }));
    return new Map((out.Responses?.[tableName] ?? []).map((i) => unmarshall(i) as Item).map((c): [string, Item] => [c.id, c]));
  }
  function crudOf(c: Item, authors: Map<string, Item>) {
    return {
      id: c.id,
      message: c.message,
      createdAt: c.createdAt,
      likesCount: c.likesCount ?? 0,
      // An async field resolver per item, as Crud.author is in the real API.
      author: async () => {
        const u = authors.get(c.authorId)!;
        return { id: u.id, handle: u.handle, displayName: u.displayName };
      },
    };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString());
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        const errors = validate(schema, document);
        if (errors.length) {
          res.writeHead(400).end(JSON.stringify({ errors }));
          return;
        }
        documents.set(query, document);
      }
      const result = await execute({ schema, document, rootValue, variableValues: variables, operationName });
      const text = JSON.stringify(result);
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}
