/**
 * Subscription semantics end to end over the wire: argument filters, enhanced filters (and that
 * they replace argument filtering), invalidation, selection sets, resolver refusal, filter limits,
 * and render-once-per-group fan-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, FrameClient, startFrame, startStack, type Stack } from './testing/harness.ts';

const CREATE = 'mutation C($input: TicketInput!) { createTicket(input: $input) { id group severity title tags owner { name } } }';
let stack: Stack;
const clients: FrameClient[] = [];

async function subscribe(query: string, variables: Record<string, unknown> = {}, id = 'sub') {
  const c = await connect(stack);
  clients.push(c);
  c.send({ type: 'connection_init' });
  await c.next();
  await c.next();
  c.send(startFrame(id, query, variables, undefined, stack.host));
  return { c, ack: await c.next() };
}
const create = (input: Record<string, unknown>, mutation = CREATE) => stack.mutate(mutation, { input: { mandatory: 'm', ...input } });
const ids = async (c: FrameClient, field: string) => {
  const got: string[] = [];
  while (!(await c.silentFor(250))) got.push((await c.next()).payload.data[field].id);
  return got;
};

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await stack.close();
});

describe('argument filtering', () => {
  it('delivers only events whose fields equal every supplied argument', async () => {
    const { c: byGroup } = await subscribe('subscription { onTicket(group: "a1") { id } }');
    const { c: byBoth } = await subscribe('subscription ($g: String, $s: Int) { onTicket(group: $g, severity: $s) { id } }', { g: 'a1', s: 3 });
    const { c: all } = await subscribe('subscription { onTicket { id } }');
    await create({ id: '1', group: 'a1', severity: 3 });
    await create({ id: '2', group: 'a1', severity: 4 });
    await create({ id: '3', group: 'b1', severity: 3 });
    expect(await ids(byGroup, 'onTicket')).toEqual(['1', '2']);
    expect(await ids(byBoth, 'onTicket')).toEqual(['1']);
    expect(await ids(all, 'onTicket')).toEqual(['1', '2', '3']);
  });

  it('compares against the mutation’s selection set: an unselected field never matches', async () => {
    const { c } = await subscribe('subscription { onTicket(group: "sel") { id } }');
    await create({ id: 'no-group-selected', group: 'sel' }, 'mutation C($input: TicketInput!) { createTicket(input: $input) { id title } }');
    await create({ id: 'group-selected', group: 'sel' });
    expect(await ids(c, 'onTicket')).toEqual(['group-selected']);
  });
});

describe('enhanced filtering', () => {
  it('applies the resolver’s filter (AND within a group) and ignores the client’s arguments', async () => {
    // onSevereTicket: severity ≥ 5 AND tags containsAny [ops, sec]; its `group` argument is not copied.
    const { c } = await subscribe('subscription { onSevereTicket(group: "ignored") { id } }');
    await create({ id: 'hit', group: 'other', severity: 7, tags: ['ops'] });
    await create({ id: 'low', group: 'ignored', severity: 2, tags: ['ops'] });
    await create({ id: 'untagged', group: 'ignored', severity: 9, tags: ['dev'] });
    await create({ id: 'hit2', severity: 5, tags: ['x', 'sec'] });
    expect(await ids(c, 'onSevereTicket')).toEqual(['hit', 'hit2']);
  });

  it('ORs filter groups and reads nested paths', async () => {
    // onGroupTicket(group): group eq $group OR owner.name beginsWith "root".
    const { c } = await subscribe('subscription { onGroupTicket(group: "g1") { id owner { name } } }');
    await create({ id: 'mine', group: 'g1' });
    await create({ id: 'root', group: 'g2', ownerName: 'rootkit' });
    await create({ id: 'other', group: 'g2', ownerName: 'ana' });
    expect(await ids(c, 'onGroupTicket')).toEqual(['mine', 'root']);
  });

  it('refuses a filter over AWS’s limits at start', async () => {
    const { ack } = await subscribe('subscription { onTooManyValues { id } }', {}, 'lim');
    expect(ack).toEqual({
      type: 'error',
      id: 'lim',
      payload: { errors: [{ message: 'subscription exceeds maximum value limit 5 for operator `in`.', errorCode: 400 }] },
    });
  });
});

describe('invalidation', () => {
  it('unsubscribes matching subscriptions with complete and stops delivering to them', async () => {
    const { c: g1 } = await subscribe('subscription { onGroupTicket(group: "inv1") { id } }', {}, 'g1-sub');
    const { c: g2 } = await subscribe('subscription { onGroupTicket(group: "inv2") { id } }', {}, 'g2-sub');
    const before = stack.realtime.stats().subscriptions;
    const res = await stack.mutate('mutation { closeGroup(group: "inv1") }');
    expect(res.errors).toBeUndefined();
    expect(await g1.next()).toEqual({ type: 'complete', id: 'g1-sub' });
    expect(stack.realtime.stats().subscriptions).toBe(before - 1);
    await create({ id: 'late', group: 'inv1' });
    await create({ id: 'still', group: 'inv2' });
    expect(await ids(g1, 'onGroupTicket')).toEqual([]);
    expect(await ids(g2, 'onGroupTicket')).toEqual(['still']);
    // The invalidated id is free again on that connection.
    g1.send(startFrame('g1-sub', 'subscription { onGroupTicket(group: "inv1") { id } }', {}, undefined, stack.host));
    expect(await g1.next()).toEqual({ type: 'start_ack', id: 'g1-sub' });
  });
});

describe('selection sets and resolvers', () => {
  it('applies each subscriber’s selection set to the mutation’s selection', async () => {
    const { c: small } = await subscribe('subscription { onTicket(group: "shape") { id } }');
    const { c: wide } = await subscribe('subscription { onTicket(group: "shape") { id title severity owner { name } } }');
    await create({ id: 's1', group: 'shape', title: 'T', severity: 1, ownerName: 'o' }, 'mutation C($input: TicketInput!) { createTicket(input: $input) { id group title } }');
    expect((await small.next()).payload).toEqual({ data: { onTicket: { id: 's1' } } });
    // severity and owner were not in the mutation's selection set: they arrive null.
    expect((await wide.next()).payload).toEqual({ data: { onTicket: { id: 's1', title: 'T', severity: null, owner: null } } });
  });

  it('reports an error for a non-null field the mutation did not select', async () => {
    const { c } = await subscribe('subscription { onTicket(group: "nn") { id mandatory } }');
    await create({ id: 'nn1', group: 'nn' });
    const frame = await c.next();
    expect(frame.type).toBe('data');
    expect(frame.payload.errors?.length).toBeGreaterThan(0);
  });

  it('refuses the start when the subscription resolver calls util.unauthorized()', async () => {
    const { ack } = await subscribe('subscription { onDenied { id } }', {}, 'denied');
    expect(ack).toMatchObject({ type: 'error', id: 'denied' });
    expect(ack.payload.errors[0].errorType).toMatch(/Unauthorized/);
  });
});

describe('fan-out', () => {
  it('renders once per group and sends the same bytes to every socket of the group', async () => {
    // Earlier tests' subscribers (e.g. an unfiltered onTicket) would also match: close them first.
    await Promise.all(clients.splice(0).map((c) => (c.close(), c.closed)));
    await new Promise((r) => setTimeout(r, 50));
    expect(stack.realtime.stats().subscriptions).toBe(0);
    const query = 'subscription { onTicket(group: "fan") { id title } }';
    const subs = await Promise.all(Array.from({ length: 5 }, (_, i) => subscribe(query, {}, `f${i}`)));
    const { c: other } = await subscribe('subscription { onTicket(group: "fan") { id } }', {}, 'other');
    const before = stack.realtime.stats();
    await create({ id: 'fan1', group: 'fan', title: 'x' });
    const frames = await Promise.all(subs.map(({ c }) => c.next()));
    expect(frames.map((f) => f.id)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(new Set(frames.map((f) => JSON.stringify(f.payload))).size).toBe(1);
    expect((await other.next()).payload).toEqual({ data: { onTicket: { id: 'fan1' } } });
    const after = stack.realtime.stats();
    expect(after.renders - before.renders).toBe(2); // two distinct documents → two renders, six deliveries
    expect(after.deliveries - before.deliveries).toBe(6);
  });
});
