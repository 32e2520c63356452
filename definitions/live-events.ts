/**
 * Which committed rows the table's stream consumers react to, declared once: which row kind and
 * stream event become which real-time publish mutation (`publish`), and which derived-row work
 * (`feed-fanout`, with the Insights step inside it). The consumers' Lambda filter patterns
 * (definitions/stream-consumers.ts) and their dispatch (lambdas/publish/events.ts,
 * lambdas/feed-fanout/index.ts) are both derived from these lists, so a record the filter lets
 * through always has a handler and a handled record is never filtered out (a drift would drop
 * events silently). Pure: no imports beyond keys.ts, no Node APIs.
 */
import { ItemType, SortKey } from './keys.ts';

export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';
const EVENT_ORDER: StreamEventName[] = ['INSERT', 'MODIFY', 'REMOVE'];

/** A row's kind: its `type` tag, or PROFILE for profiles, which carry none (their sort key says it). */
export type RowKind = ItemType | typeof SortKey.PROFILE;

export interface RowEvent {
  row: RowKind;
  on: readonly StreamEventName[];
}

/** Rows that become real-time events through AppSync's IAM-only publish mutations. */
export const liveEvents = [
  { row: ItemType.FEED, on: ['INSERT'], mutation: 'publishFeedItem' },
  // A pulled account's new post or repost: one shared event for all its followers (decision 026).
  { row: ItemType.RECENT, on: ['INSERT', 'MODIFY'], mutation: 'publishCelebrityFeedItem' },
  { row: ItemType.NOTIF, on: ['INSERT'], mutation: 'publishNotification' },
  { row: ItemType.MSG, on: ['INSERT'], mutation: 'publishMessage' },
  // Counter changes and deletions (explicit or TTL).
  { row: ItemType.CRUD, on: ['MODIFY', 'REMOVE'], mutation: 'publishCrudChanged' },
  // Profile edits (name, bio, avatar); new profiles too, so a cached null for the handle is evicted (docs/caching.md).
  { row: SortKey.PROFILE, on: ['INSERT', 'MODIFY'], mutation: 'publishUserChanged' },
] as const satisfies readonly (RowEvent & { mutation: string })[];
export type LiveEvent = (typeof liveEvents)[number];
export type LiveMutation = LiveEvent['mutation'];

/** Rows whose arrival or removal derives other rows (feeds, tags, notifications, clean-up, counters). */
export const fanoutReactions = [
  { row: ItemType.CRUD, on: ['INSERT'], reaction: 'crudCreated' },
  { row: ItemType.CRUD, on: ['REMOVE'], reaction: 'crudRemoved' },
  { row: ItemType.REPOST, on: ['INSERT'], reaction: 'repostCreated' },
  { row: ItemType.REPOST, on: ['REMOVE'], reaction: 'repostRemoved' },
  { row: ItemType.LIKE, on: ['INSERT'], reaction: 'likeCreated' },
  { row: ItemType.FOLLOWS, on: ['INSERT'], reaction: 'followCreated' },
  { row: ItemType.FOLLOWS, on: ['REMOVE'], reaction: 'followRemoved' },
  // The blocker's side of a new block: feed rows and follows between the two go (docs/safety.md).
  { row: ItemType.BLOCK, on: ['INSERT'], reaction: 'blockCreated' },
] as const satisfies readonly (RowEvent & { reaction: string })[];
export type FanoutReaction = (typeof fanoutReactions)[number]['reaction'];

/**
 * Rows the Insights step mirrors into the analytics database. It runs inside the `feed-fanout`
 * invocation (definitions/stream-consumers.ts `insightsStep`), so that consumer's filter is the
 * union of both lists: unlikes and profiles reach it for Insights only.
 */
export const insightsRowEvents: readonly RowEvent[] = [
  { row: ItemType.CRUD, on: ['INSERT', 'REMOVE'] },
  { row: ItemType.REPOST, on: ['INSERT', 'REMOVE'] },
  { row: ItemType.LIKE, on: ['INSERT', 'REMOVE'] },
  { row: ItemType.FOLLOWS, on: ['INSERT', 'REMOVE'] },
  { row: SortKey.PROFILE, on: ['INSERT', 'REMOVE'] },
];

/** The part of a DynamoDB stream record these lists look at (attribute values still marshalled). */
export interface StreamRecordLike {
  eventName?: string;
  dynamodb?: {
    Keys?: Record<string, { S?: string } | undefined>;
    NewImage?: Record<string, { S?: string } | undefined>;
    OldImage?: Record<string, { S?: string } | undefined>;
  };
}

/** The record's row kind: PROFILE by its sort key, else the `type` of its new or old image. */
export function rowKindOf(record: StreamRecordLike): string | undefined {
  const d = record.dynamodb;
  if (d?.Keys?.sk?.S === SortKey.PROFILE) return SortKey.PROFILE;
  return d?.NewImage?.type?.S ?? d?.OldImage?.type?.S;
}

/** The declared entries a record answers to (the dispatch side of the filter patterns below). */
export function rowEventsFor<E extends RowEvent>(events: readonly E[], record: StreamRecordLike): E[] {
  const kind = rowKindOf(record);
  return events.filter((e) => e.row === kind && (e.on as readonly string[]).includes(record.eventName ?? ''));
}

type Image = 'NewImage' | 'OldImage' | 'Keys';

/**
 * Which part of the record shows the row's kind: profiles by their key (present in every record);
 * inserts by the new image, removals by the old; a modification by the image its siblings use.
 */
function imageFor(e: RowEvent, name: StreamEventName): Image {
  if (e.row === SortKey.PROFILE) return 'Keys';
  if (name === 'INSERT') return 'NewImage';
  if (name === 'REMOVE') return 'OldImage';
  return e.on.includes('REMOVE') && !e.on.includes('INSERT') ? 'OldImage' : 'NewImage';
}

/**
 * Lambda `FilterCriteria` patterns that let through exactly the records `events` declare: rows
 * sharing an image and the same set of events share one pattern, which keeps the count within
 * Lambda's quota of filters per event source mapping (5 by default).
 */
export function filterPatternsFor(events: readonly RowEvent[]): Record<string, unknown>[] {
  const byRow = new Map<string, Set<StreamEventName>>();
  for (const e of events) {
    for (const name of e.on) {
      const key = `${imageFor(e, name)}|${e.row}`;
      byRow.set(key, (byRow.get(key) ?? new Set()).add(name));
    }
  }
  const groups = new Map<string, { image: Image; names: StreamEventName[]; rows: string[] }>();
  for (const [key, names] of byRow) {
    const [image, row] = key.split('|') as [Image, string];
    const ordered = EVENT_ORDER.filter((n) => names.has(n));
    const groupKey = `${image}|${ordered.join(',')}`;
    const group = groups.get(groupKey) ?? { image, names: ordered, rows: [] };
    group.rows.push(row);
    groups.set(groupKey, group);
  }
  return [...groups.values()].map(({ image, names, rows }) =>
    image === 'Keys'
      ? { eventName: names, dynamodb: { Keys: { sk: { S: rows } } } }
      : { eventName: names, dynamodb: { [image]: { type: { S: rows } } } },
  );
}
