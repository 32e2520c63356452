/**
 * Live subscriptions, indexed for fan-out. On a mutation event, each candidate subscription's
 * filter runs against the payload; the survivors are grouped by `groupKey` and each group is
 * rendered ONCE (one execution, one JSON.stringify); every socket of the group gets the same
 * payload string behind its own constant frame prefix. No per-subscriber re-execution:
 * the render is the expensive part, so its cost stays per group, not per socket.
 */
import type { IncomingAuthRequest } from '../auth/types.ts';
import type { InvalidationEvent, MutationEvent, PreparedSubscription } from '../engine/types.ts';
import { matchesFilter, shouldDeliver } from './filters.ts';
import { dataFramePrefix, MessageType, stringifyServerMessage, validateMessage } from './protocol.ts';
import type { RealtimeLogger } from './socket.ts';

/** What the registry needs from a connection. */
export interface SubscriberSink {
  /** A complete text frame (a Buffer is sent as text, never re-encoded). */
  send(frame: string | Buffer): void;
  /** Called when a subscription is removed by invalidation (the connection forgets the id). */
  forget(id: string): void;
}

export interface LiveSubscription {
  readonly id: string;
  readonly sink: SubscriberSink;
  readonly prepared: PreparedSubscription;
  /** `{"type":"data","id":…,"payload":` encoded once at start. */
  readonly prefix: Buffer;
  /** The start's credentials, kept when its auth mode is re-authorised while it lives. */
  readonly reauth?: IncomingAuthRequest;
}

export interface FanoutStats {
  events: number;
  renders: number;
  deliveries: number;
  droppedOversize: number;
  renderFailures: number;
  invalidated: number;
}

export class SubscriptionRegistry {
  private readonly byMutation = new Map<string, Set<LiveSubscription>>();
  private readonly byField = new Map<string, Set<LiveSubscription>>();
  private readonly all = new Set<LiveSubscription>();
  readonly counters: FanoutStats = { events: 0, renders: 0, deliveries: 0, droppedOversize: 0, renderFailures: 0, invalidated: 0 };

  constructor(
    private readonly maxPayloadBytes: number,
    private readonly log: RealtimeLogger,
  ) {}

  get size(): number {
    return this.all.size;
  }

  add(id: string, sink: SubscriberSink, prepared: PreparedSubscription, reauth?: IncomingAuthRequest): LiveSubscription {
    const sub: LiveSubscription = { id, sink, prepared, prefix: Buffer.from(dataFramePrefix(id)), reauth };
    for (const m of new Set(prepared.mutations)) addTo(this.byMutation, m, sub);
    addTo(this.byField, prepared.fieldName, sub);
    this.all.add(sub);
    return sub;
  }

  remove(sub: LiveSubscription): void {
    if (!this.all.delete(sub)) return;
    for (const m of new Set(sub.prepared.mutations)) removeFrom(this.byMutation, m, sub);
    removeFrom(this.byField, sub.prepared.fieldName, sub);
  }

  /** Delivers one mutation event; returns how many sockets received it. */
  publish(event: MutationEvent): number {
    const subs = this.byMutation.get(event.mutationField);
    this.counters.events++;
    if (!subs || subs.size === 0) return 0;
    const rendered = new Map<string, Buffer | null>();
    let delivered = 0;
    for (const sub of subs) {
      const p = sub.prepared;
      if (!shouldDeliver(p, event.payload)) continue;
      let json = rendered.get(p.groupKey);
      if (json === undefined) {
        json = this.render(p, event);
        rendered.set(p.groupKey, json);
      }
      if (json === null) continue;
      // One copy of the shared payload bytes per socket; no string building or UTF-8 re-encoding.
      sub.sink.send(Buffer.concat([sub.prefix, json, CLOSE_BRACE], sub.prefix.length + json.length + 1));
      delivered++;
    }
    this.counters.deliveries += delivered;
    return delivered;
  }

  /** Forcibly unsubscribes matching subscriptions of one field; each gets `complete {id}`. */
  invalidate(event: InvalidationEvent): number {
    const subs = this.byField.get(event.subscriptionField);
    if (!subs) return 0;
    let n = 0;
    for (const sub of [...subs]) {
      const f = sub.prepared.invalidationFilter;
      if (!f || !matchesFilter(f, event.payload)) continue;
      this.remove(sub);
      sub.sink.forget(sub.id);
      sub.sink.send(stringifyServerMessage({ type: MessageType.Complete, id: sub.id }));
      n++;
    }
    this.counters.invalidated += n;
    return n;
  }

  /** One execution + one serialisation per group; null when the result must not be delivered. */
  private render(p: PreparedSubscription, event: MutationEvent): Buffer | null {
    this.counters.renders++;
    let json: string;
    try {
      const result = p.render(event.payload);
      const payload = result.errors?.length ? { data: result.data ?? null, errors: result.errors } : { data: result.data ?? null };
      const problem = validateMessage({ type: MessageType.Data, id: 'group', payload });
      if (problem) throw new Error(problem);
      json = JSON.stringify(payload);
    } catch (err) {
      this.counters.renderFailures++;
      this.log.error({ err, field: p.fieldName, requestId: event.requestId }, 'subscription render failed');
      return null;
    }
    // AppSync drops payloads over 240 KB silently (appsync.md §7, §10); we also log it.
    const bytes = Buffer.byteLength(json);
    if (bytes > this.maxPayloadBytes) {
      this.counters.droppedOversize++;
      this.log.warn(
        { field: p.fieldName, bytes, limit: this.maxPayloadBytes, requestId: event.requestId },
        'subscription payload over the 240 KB limit: not delivered',
      );
      return null;
    }
    return Buffer.from(json);
  }
}

const CLOSE_BRACE = Buffer.from('}');

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
