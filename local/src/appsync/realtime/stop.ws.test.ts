/**
 * `stop` at every stage of a start ends the subscription for good: exact frames with a raw `ws`
 * client against the real engine and authenticator. Gates hold the real authenticator or the real
 * subscription resolver at a chosen stage, so each test stops a start exactly there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Authenticator } from '../auth/types.ts';
import type { Engine } from '../engine/types.ts';
import { connect, handshake, startFrame, startStack, type FrameClient, type Stack } from './testing/harness.ts';

const SUB = (group: string) => `subscription { onTicket(group: "${group}") { id } }`;
const CREATE = 'mutation C($input: TicketInput!) { createTicket(input: $input) { id group severity title tags owner { name } } }';

/** Holds every call that passes it while held; `entered` resolves when the first held call arrives. */
class Gate {
  private held = false;
  private waiting: (() => void)[] = [];
  private onEnter: () => void = () => undefined;
  entered: Promise<void> = Promise.resolve();

  hold(): void {
    this.held = true;
    this.entered = new Promise((resolve) => (this.onEnter = resolve));
  }

  async pass(): Promise<void> {
    if (!this.held) return;
    this.onEnter();
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  get heldCalls(): number {
    return this.waiting.length;
  }

  /** Lets the oldest held call through. */
  releaseOne(): void {
    this.waiting.shift()?.();
  }

  release(): void {
    this.held = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

const authGate = new Gate();
const resolverGate = new Gate();
const gatedAuthenticator = (a: Authenticator): Authenticator => ({
  defaultMode: a.defaultMode,
  modes: a.modes,
  authenticate: async (request) => {
    await authGate.pass();
    return a.authenticate(request);
  },
});
const gatedEngine = (e: Engine): Engine => ({
  schema: e.schema,
  execute: (request, options) => e.execute(request, options),
  prepareSubscription: async (request, options) => {
    await resolverGate.pass();
    return e.prepareSubscription(request, options);
  },
  onMutation: (listener) => e.onMutation(listener),
  onInvalidation: (listener) => e.onInvalidation(listener),
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

let stack: Stack;
const clients: FrameClient[] = [];
const open = async () => {
  const c = await connect(stack);
  clients.push(c);
  return c;
};
const ready = () => handshake(stack, clients);
const start = (c: FrameClient, id: string, group: string) => c.send(startFrame(id, SUB(group), {}, undefined, stack.host));
const create = (id: string, group: string) => stack.mutate(CREATE, { input: { id, group, mandatory: 'm' } });

/** Subscribes a fresh id, publishes once and expects that id's data as the very next frame. */
async function expectOnlyLiveDelivery(c: FrameClient, group: string): Promise<void> {
  start(c, 'probe', group);
  expect(await c.next()).toEqual({ type: 'start_ack', id: 'probe' });
  expect((await create(`${group}-event`, group)).errors).toBeUndefined();
  expect(await c.next()).toEqual({ type: 'data', id: 'probe', payload: { data: { onTicket: { id: `${group}-event` } } } });
  expect(await c.silentFor(300)).toBe(true);
}

/** Holds `gate`, starts `s1`, stops it while held, releases: `complete` only, then a fresh id works. */
async function stopWhileHeld(gate: Gate, group: string, query = SUB(group)): Promise<void> {
  const c = await ready();
  gate.hold();
  c.send(startFrame('s1', query, {}, undefined, stack.host));
  await gate.entered;
  c.send({ type: 'stop', id: 's1' });
  expect(await c.next()).toEqual({ type: 'complete', id: 's1' });
  gate.release();
  await expectOnlyLiveDelivery(c, group);
}

beforeAll(async () => {
  stack = await startStack(undefined, undefined, { authenticator: gatedAuthenticator, engine: gatedEngine });
});
afterEach(() => {
  authGate.release();
  resolverGate.release();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await stack.close();
});

describe('stop right behind start (React StrictMode mount + unmount)', () => {
  it('a burst of 150 start/stop pairs: one complete each, nothing after it, nothing delivered, every slot free', async () => {
    const c = await ready();
    const pairs = 150; // more than the 100-subscription quota: leaked slots would refuse the probe
    for (let i = 0; i < pairs; i++) {
      start(c, `b${i}`, 'burst');
      c.send({ type: 'stop', id: `b${i}` });
    }
    // A start may be acknowledged before its stop has even arrived (frames cross the network in
    // chunks): then start_ack, complete. Never anything for an id after its complete.
    const completed = new Set<string>();
    while (completed.size < pairs) {
      const frame = await c.next();
      expect(['start_ack', 'complete']).toContain(frame.type);
      expect(completed.has(frame.id), `${frame.type} for ${frame.id} after its complete`).toBe(false);
      if (frame.type === 'complete') completed.add(frame.id);
    }
    await expectOnlyLiveDelivery(c, 'burst');
    expect(stack.realtime.stats().subscriptions).toBe(1);
  });
});

describe('stop at each stage of a start', () => {
  it('before the handshake authentication resolves', async () => {
    authGate.hold();
    const c = await open();
    await authGate.entered; // the handshake's authentication is held
    start(c, 's1', 'stage-handshake');
    c.send({ type: 'stop', id: 's1' });
    expect(await c.next()).toEqual({ type: 'complete', id: 's1' });
    authGate.release();
    await expectOnlyLiveDelivery(c, 'stage-handshake');
  });

  it('while the start is being authorised', () => stopWhileHeld(authGate, 'stage-auth'));

  it('during the subscription resolver', () => stopWhileHeld(resolverGate, 'stage-resolver'));

  it('after start_ack', async () => {
    const c = await ready();
    start(c, 's1', 'stage-acked');
    expect(await c.next()).toEqual({ type: 'start_ack', id: 's1' });
    c.send({ type: 'stop', id: 's1' });
    expect(await c.next()).toEqual({ type: 'complete', id: 's1' });
    await expectOnlyLiveDelivery(c, 'stage-acked');
  });

  it('a start re-using a stopped id while the stopped start is still resolving: the new start is the one acknowledged and live', async () => {
    const c = await ready();
    resolverGate.hold();
    start(c, 'again', 'stage-reuse-stopped');
    await resolverGate.entered;
    c.send({ type: 'stop', id: 'again' });
    expect(await c.next()).toEqual({ type: 'complete', id: 'again' });
    start(c, 'again', 'stage-reuse'); // held at the resolver too, behind the stopped one
    await waitUntil(() => resolverGate.heldCalls === 2);
    resolverGate.releaseOne(); // the stopped start resolves first: it must not take the new claim
    expect(await c.silentFor(300)).toBe(true);
    resolverGate.release();
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'again' });
    expect((await create('reuse-event', 'stage-reuse')).errors).toBeUndefined();
    expect(await c.next()).toEqual({ type: 'data', id: 'again', payload: { data: { onTicket: { id: 'reuse-event' } } } });
    expect((await create('stopped-event', 'stage-reuse-stopped')).errors).toBeUndefined();
    expect(await c.silentFor(300)).toBe(true);
  });

  it('a stopped start whose resolver then fails sends no error for the id', () =>
    stopWhileHeld(resolverGate, 'stage-failing', 'subscription { onTicket { nope } }'));
});
