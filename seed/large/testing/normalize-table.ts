/**
 * A table's items with everything that legitimately differs between two builds of the same plan
 * replaced by stable labels: user subs by `@handle`, crud ids by `crud<k>` (from the "Crud k:"
 * message), repost ids by `repost(<crud>,<user>)`, message ids by their body, conversation ids by
 * their members; times, expiries and trend buckets by placeholders. What remains — which items
 * exist, their keys, types, counters, links and text — must be equal.
 *
 * Trend counts are summed per tag across buckets: the two builds run at different wall-clock
 * times, so one may straddle a 6-hour bucket boundary that the other does not.
 */
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

type Item = Record<string, any>;

export async function scanTable(client: DynamoDBClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const i of page.Items ?? []) items.push(unmarshall(i));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** One TREND row per tag, its count the sum over every bucket the build touched. */
function mergeTrendBuckets(items: Item[]): Item[] {
  const trends = new Map<string, Item>();
  const rest: Item[] = [];
  for (const i of items) {
    if (i.type !== 'TREND') rest.push(i);
    else {
      const seen = trends.get(i.tag);
      trends.set(i.tag, seen ? { ...seen, count: seen.count + i.count } : { ...i });
    }
  }
  return [...rest, ...trends.values()];
}

export function normalizeItems(all: Item[]): string[] {
  const items = mergeTrendBuckets(all);
  const labels = new Map<string, string>();
  for (const i of items) if (i.sk === 'PROFILE') labels.set(i.id, `@${i.handle}`);
  for (const i of items) if (i.type === 'CRUD') labels.set(i.id, `crud${/^Crud (\d+):/.exec(i.message)?.[1]}`);
  for (const i of items) if (i.type === 'REPOST') labels.set(i.repostId, `repost(${labels.get(i.crudId)},${labels.get(i.userId)})`);
  for (const i of items) if (i.type === 'MSG') labels.set(i.id, `msg(${i.body})`);
  const ids = [...labels.keys()].sort((a, b) => b.length - a.length);
  const relabel = (text: string) => {
    let out = text.replace(/([0-9a-f-]{36})_([0-9a-f-]{36})/g, (_m, a: string, b: string) => `conv(${[labels.get(a), labels.get(b)].sort().join(',')})`);
    for (const id of ids) if (out.includes(id)) out = out.split(id).join(labels.get(id)!);
    return out;
  };
  return items
    .map((item) => {
      const copy: Item = { ...item };
      for (const key of ['expiresAt', 'createdAt', 'lastMessageAt', 'pulledSince']) if (key in copy) copy[key] = '<time>';
      // RECENT entries are maps: their times too.
      if (Array.isArray(copy.entries)) copy.entries = JSON.stringify(copy.entries.map((e: Item) => ({ ...e, createdAt: '<time>', expiresAt: '<time>' })));
      // Member lists of a conversation are in sub order, which differs between two builds.
      if ((copy.type === 'MEMBER' || copy.type === 'CONV') && Array.isArray(copy.memberIds)) copy.memberIds = copy.memberIds.map((s: string) => labels.get(s)).sort();
      let text = relabel(JSON.stringify(copy, Object.keys(copy).sort()));
      text = text.replace(ISO, '<time>').replace(/TRENDS#\d+/g, 'TRENDS#<bucket>').replace(/"\d{13}#/g, '"<ms>#');
      return text;
    })
    .sort();
}
