import { describe, expect, it } from 'vitest';
import type { PreparedSubscription } from '../engine/types.ts';
import { SubscriptionRegistry, type SubscriberSink } from './registry.ts';
import type { RealtimeLogger } from './socket.ts';

/** A sink that keeps what it was sent, as a socket would put it on the wire. */
class Sink implements SubscriberSink {
  frames: string[] = [];
  forgotten: string[] = [];
  send(frame: string | Buffer) {
    this.frames.push(frame.toString());
  }
  forget(id: string) {
    this.forgotten.push(id);
  }
}

function logger() {
  const lines: { level: string; msg: string }[] = [];
  const log = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (_o: object, msg: string) => lines.push({ level, msg })]));
  return { log: log as unknown as RealtimeLogger, lines };
}

/** A prepared subscription whose render echoes the payload under `field` and counts calls. */
function prepared(groupKey: string, over: Partial<PreparedSubscription> = {}) {
  const calls = { n: 0 };
  const sub: PreparedSubscription = {
    fieldName: 'onThing',
    args: {},
    mutations: ['putThing'],
    groupKey,
    render: (payload) => {
      calls.n++;
      return { data: { onThing: payload } };
    },
    ...over,
  };
  return { sub, calls };
}

const event = (payload: unknown) => ({ mutationField: 'putThing', payload, requestId: 'r1' });

describe('SubscriptionRegistry', () => {
  it('renders once per group and frames each delivery with its own id', () => {
    const { log } = logger();
    const reg = new SubscriptionRegistry(245_760, log);
    const a = prepared('g1');
    const b = prepared('g2');
    const sinks = [new Sink(), new Sink(), new Sink()];
    reg.add('x', sinks[0], a.sub);
    reg.add('y', sinks[1], a.sub);
    reg.add('z', sinks[2], b.sub);
    expect(reg.publish(event({ v: 1 }))).toBe(3);
    expect(a.calls.n).toBe(1);
    expect(b.calls.n).toBe(1);
    expect(JSON.parse(sinks[0].frames[0])).toEqual({ type: 'data', id: 'x', payload: { data: { onThing: { v: 1 } } } });
    expect(JSON.parse(sinks[1].frames[0]).id).toBe('y');
    expect(reg.publish({ ...event({}), mutationField: 'other' })).toBe(0);
  });

  it('skips subscribers whose filter rejects the payload, without rendering for them', () => {
    const reg = new SubscriptionRegistry(245_760, logger().log);
    const p = prepared('g', { args: { owner: 'ana' } });
    const sink = new Sink();
    reg.add('x', sink, p.sub);
    reg.publish(event({ owner: 'bo' }));
    expect(p.calls.n).toBe(0);
    reg.publish(event({ owner: 'ana' }));
    expect(sink.frames).toHaveLength(1);
  });

  it('drops and logs an oversize payload and a failing render, and keeps serving', () => {
    const { log, lines } = logger();
    const reg = new SubscriptionRegistry(100, log);
    const ok = prepared('ok');
    const broken = prepared('broken', {
      render: () => {
        throw new Error('boom');
      },
    });
    const s1 = new Sink();
    const s2 = new Sink();
    reg.add('a', s1, ok.sub);
    reg.add('b', s2, broken.sub);
    expect(reg.publish(event({ text: 'x'.repeat(200) }))).toBe(0);
    expect(reg.counters.droppedOversize).toBe(1);
    expect(reg.counters.renderFailures).toBe(1);
    expect(lines.map((l) => l.level)).toEqual(expect.arrayContaining(['warn', 'error']));
    expect(reg.publish(event({ text: 'small' }))).toBe(1);
    expect(s1.frames).toHaveLength(1);
  });

  it('invalidates only subscriptions of the field whose invalidation filter matches', () => {
    const reg = new SubscriptionRegistry(245_760, logger().log);
    const filter = (group: string) => ({ filterGroup: [{ filters: [{ fieldName: 'group', operator: 'eq', value: group }] }] });
    const sinks = { g1: new Sink(), g2: new Sink(), none: new Sink() };
    reg.add('s1', sinks.g1, prepared('a', { invalidationFilter: filter('g1') }).sub);
    reg.add('s2', sinks.g2, prepared('b', { invalidationFilter: filter('g2') }).sub);
    reg.add('s3', sinks.none, prepared('c').sub);
    expect(reg.invalidate({ subscriptionField: 'onThing', payload: { group: 'g1' } })).toBe(1);
    expect(sinks.g1.frames).toEqual(['{"type":"complete","id":"s1"}']);
    expect(sinks.g1.forgotten).toEqual(['s1']);
    expect(reg.size).toBe(2);
    expect(reg.invalidate({ subscriptionField: 'onOther', payload: { group: 'g2' } })).toBe(0);
    expect(reg.publish(event({ group: 'g1' }))).toBe(2);
  });

  it('removes idempotently', () => {
    const reg = new SubscriptionRegistry(245_760, logger().log);
    const live = reg.add('x', new Sink(), prepared('g').sub);
    reg.remove(live);
    reg.remove(live);
    expect(reg.size).toBe(0);
    expect(reg.publish(event({}))).toBe(0);
  });
});
