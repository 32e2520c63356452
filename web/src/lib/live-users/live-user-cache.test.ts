import { describe, expect, it } from 'vitest';
import { LiveUserCache, type LiveUserFields } from './live-user-cache.ts';

/** A fake subscription transport that records what is open (the cache's only collaborator). */
function transport() {
  const open = new Map<string, (c: LiveUserFields) => void>();
  const log: string[] = [];
  let opened = 0;
  const cache = (cap?: number) =>
    new LiveUserCache({
      cap,
      open: (id, identity, onChange) => {
        opened += 1;
        if (open.has(id)) throw new Error(`second subscription for ${id}`);
        open.set(id, onChange);
        log.push(`open ${id} as ${identity}`);
        return () => {
          open.delete(id);
          log.push(`close ${id}`);
        };
      },
    });
  const emit = (id: string, fields: Partial<LiveUserFields> = {}) =>
    open.get(id)?.({ id, handle: `h-${id}`, displayName: `Name ${id}`, avatarUrl: `https://cdn/${id}.jpg`, bio: null, ...fields });
  return { open, log, cache, emit, opened: () => opened };
}

const user = (id: string) => ({ id, handle: `old-${id}`, displayName: `Old ${id}`, avatarUrl: null as string | null });

describe('LiveUserCache', () => {
  it('holds one subscription per id however many consumers register it, and closes it with the last', () => {
    const t = transport();
    const c = t.cache();
    c.setIdentity('guest');
    const r1 = c.acquire('a');
    const r2 = c.acquire('a');
    const r3 = c.acquire('b');
    expect(t.opened()).toBe(2);
    expect(c.activeIds().sort()).toEqual(['a', 'b']);
    r1();
    r1(); // a double release must not steal the other consumer's reference
    expect(t.open.has('a')).toBe(true);
    r2();
    expect(t.open.has('a')).toBe(false);
    expect(c.registeredIds()).toEqual(['b']);
    r3();
    expect(t.open.size).toBe(0);
    expect(t.log).toEqual(['open a as guest', 'open b as guest', 'close a', 'close b']);
  });

  it('waits for the identity before subscribing and restarts everything when it changes', () => {
    const t = transport();
    const c = t.cache();
    c.acquire('a');
    expect(t.open.size).toBe(0);
    c.setIdentity('guest');
    c.setIdentity('guest');
    expect(t.log).toEqual(['open a as guest']);
    c.setIdentity('sub-1');
    expect(t.log).toEqual(['open a as guest', 'close a', 'open a as sub-1']);
    c.setIdentity(undefined);
    expect(t.open.size).toBe(0);
  });

  it('overrides avatar, name and handle from the latest event and notifies listeners', () => {
    const t = transport();
    const c = t.cache();
    c.setIdentity('guest');
    const release = c.acquire('a');
    const before = user('a');
    expect(c.apply(before)).toBe(before);
    let calls = 0;
    const stop = c.listen(() => calls++);
    t.emit('a', { avatarUrl: 'https://cdn/a-v2.jpg' });
    expect(calls).toBe(1);
    expect(c.apply(before)).toEqual({ id: 'a', handle: 'h-a', displayName: 'Name a', avatarUrl: 'https://cdn/a-v2.jpg' });
    expect(c.apply(user('b'))).toEqual(user('b'));
    // An avatar removed live is removed on screen too.
    t.emit('a', { avatarUrl: null });
    expect(c.apply({ ...before, avatarUrl: 'https://cdn/a-v2.jpg' }).avatarUrl).toBeNull();
    stop();
    t.emit('a');
    expect(calls).toBe(2);
    release();
    // Once nobody shows the user, the override goes: the next mount brings freshly fetched data.
    expect(c.get('a')).toBeUndefined();
  });

  it('ignores an event whose id does not match the subscription', () => {
    const t = transport();
    const c = t.cache();
    c.setIdentity('guest');
    c.acquire('a');
    t.open.get('a')?.({ id: 'z', handle: 'z', displayName: 'Z', avatarUrl: 'x' });
    expect(c.get('a')).toBeUndefined();
    expect(c.get('z')).toBeUndefined();
  });

  it('caps concurrent subscriptions, keeping the most recently registered', () => {
    const t = transport();
    const c = t.cache(3);
    c.setIdentity('guest');
    const releases = new Map(['a', 'b', 'c', 'd'].map((id) => [id, c.acquire(id)]));
    expect(t.open.size).toBe(3);
    expect(c.activeIds()).toEqual(['d', 'c', 'b']);
    // Registering an id again makes it the most recent: it takes back a slot from the oldest.
    const a2 = c.acquire('a');
    expect(c.activeIds()).toEqual(['a', 'd', 'c']);
    expect(t.open.has('b')).toBe(false);
    expect(c.registeredIds().sort()).toEqual(['a', 'b', 'c', 'd']);
    // A freed slot goes to the crowded-out id that is still on screen.
    releases.get('d')?.();
    expect(c.activeIds()).toEqual(['a', 'c', 'b']);
    a2();
    releases.get('a')?.();
    expect(c.activeIds()).toEqual(['c', 'b']);
  });

  it('never exceeds the default cap of 50 with many users on screen', () => {
    const t = transport();
    const c = t.cache();
    c.setIdentity('guest');
    const releases = Array.from({ length: 120 }, (_, i) => c.acquire(`u${i}`));
    expect(t.open.size).toBe(50);
    expect(c.activeIds()[0]).toBe('u119');
    expect(c.activeIds().at(-1)).toBe('u70');
    releases.forEach((r) => r());
    expect(t.open.size).toBe(0);
    expect(c.registeredIds()).toEqual([]);
  });
});
