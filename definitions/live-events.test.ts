import { describe, expect, it } from 'vitest';
import { matchesAny } from '../local/src/dynamodb/streams/filter.ts';
import { publishCallsFor } from '../lambdas/publish/events.ts';
import { ItemType, SortKey } from './keys.ts';
import { fanoutReactions, filterPatternsFor, insightsRowEvents, liveEvents, rowEventsFor, type RowEvent, type RowKind, type StreamEventName } from './live-events.ts';
import { streamConsumers } from './stream-consumers.ts';

const EVENTS: StreamEventName[] = ['INSERT', 'MODIFY', 'REMOVE'];
const KINDS: RowKind[] = [...Object.values(ItemType), SortKey.PROFILE];
const patternsOf = (name: string) => streamConsumers.find((c) => c.name === name)!.filterPatterns;

/** A stream record as DynamoDB writes it for a row of `kind` (images as the event name implies). */
function sampleRecord(kind: RowKind, eventName: StreamEventName) {
  const keys = kind === SortKey.PROFILE ? { pk: { S: 'USER#u1' }, sk: { S: 'PROFILE' } } : { pk: { S: `${kind}#k1` }, sk: { S: 'x' } };
  const image = { ...keys, ...(kind === SortKey.PROFILE ? { id: { S: 'u1' } } : { type: { S: kind } }) };
  return {
    eventName,
    dynamodb: {
      Keys: keys,
      ...(eventName !== 'REMOVE' ? { NewImage: image } : {}),
      ...(eventName !== 'INSERT' ? { OldImage: image } : {}),
    },
  };
}

const declares = (events: readonly RowEvent[], kind: RowKind, name: StreamEventName) => events.some((e) => e.row === kind && e.on.includes(name));

describe.each([
  { consumer: 'publish', events: liveEvents as readonly RowEvent[], dispatched: liveEvents as readonly RowEvent[] },
  { consumer: 'feed-fanout', events: [...insightsRowEvents, ...fanoutReactions] as readonly RowEvent[], dispatched: fanoutReactions as readonly RowEvent[] },
])('the $consumer consumer', ({ consumer, events, dispatched }) => {
  it('uses the filter derived from definitions/live-events.ts', () => {
    expect(patternsOf(consumer)).toEqual(filterPatternsFor(events));
  });

  it.each(KINDS.flatMap((kind) => EVENTS.map((name) => [kind, name] as const)))('lets a %s %s record through exactly when it is declared', (kind, name) => {
    const record = sampleRecord(kind, name);
    expect(matchesAny(patternsOf(consumer), record)).toBe(declares(events, kind, name));
    // What passes the filter and is one of the consumer's own reactions reaches exactly that one.
    expect(rowEventsFor(dispatched, record).length).toBe(declares(dispatched, kind, name) ? 1 : 0);
  });
});

describe('live events', () => {
  const samples: Record<string, Record<string, unknown>> = {
    FEED: { sk: '01F', recipientId: 'r', crudId: 'c', reason: 'FOLLOWING', createdAt: 't' },
    RECENT: { accountId: 'a', entries: [{ id: 'e1', crudId: 'c', reason: 'AUTHORED', createdAt: 't' }] },
    NOTIF: { sk: '01N', recipientId: 'r', kind: 'LIKE', actorId: 'a', createdAt: 't' },
    MSG: { id: 'm', memberIds: ['a'], conversationId: 'a_b', senderId: 'b', body: 'hi', createdAt: 't' },
    CRUD: { id: 'c', likesCount: 1 },
    PROFILE: { id: 'u1', handle: 'ann', displayName: 'Ann' },
  };
  const marshal = (o: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(o).map(([k, v]) => [
        k,
        typeof v === 'string' ? { S: v } : typeof v === 'number' ? { N: String(v) } : { L: (v as Record<string, unknown>[]).map((x) => (typeof x === 'string' ? { S: x } : { M: marshal(x) })) },
      ]),
    );

  it.each(liveEvents.flatMap((e) => e.on.map((name) => [e.mutation, e.row, name] as const)))('%s is what a %s %s record publishes', (mutation, row, name) => {
    const record = sampleRecord(row, name);
    const fields = marshal(samples[row]);
    // A modification changes the row: counters and profile fields differ from the old image.
    const old = name === 'MODIFY' ? marshal({ ...samples[row], likesCount: 0, displayName: 'Before', entries: [] }) : fields;
    const d = record.dynamodb as Record<string, Record<string, unknown> | undefined>;
    if (d.NewImage) d.NewImage = { ...d.NewImage, ...fields };
    if (d.OldImage) d.OldImage = { ...d.OldImage, ...old };
    const calls = publishCallsFor(record as never);
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.field))).toEqual(new Set([mutation]));
  });
});
