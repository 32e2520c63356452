/** The public profile fields an onUserChanged event carries and that the cache overrides. */
export interface LiveUserFields {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string | null;
  bio?: string | null;
}

/** Opens one onUserChanged subscription for `id`; returns the function that closes it. */
export type OpenUserSubscription = (id: string, identity: string, onChange: (change: LiveUserFields) => void) => () => void;

/**
 * AppSync allows 100 subscriptions per WebSocket connection and Amplify shares one socket for every
 * subscription of the page (AppSync quotas, "Real-time subscriptions per connection"), so user
 * subscriptions stay well below that, leaving room for feed, notification, inbox and crud ones.
 */
export const DEFAULT_SUBSCRIPTION_CAP = 50;

export interface LiveUserCacheOptions {
  open: OpenUserSubscription;
  /** At most this many onUserChanged subscriptions at once (default 50). */
  cap?: number;
}

interface Entry {
  refs: number;
  /** Registration order: larger = more recently registered; the cap keeps the largest. */
  seq: number;
  stop: (() => void) | undefined;
  latest: LiveUserFields | undefined;
}

/**
 * A ref-counted registry of users shown on screen. Each distinct registered id holds ONE
 * subscription (capped, most recently registered first); the latest event per id overrides what
 * lists fetched earlier, until the last consumer of that id releases it.
 */
export class LiveUserCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly open: OpenUserSubscription;
  private readonly cap: number;
  private seq = 0;
  /** Undefined until the session is known: a subscription is authorised by the token at `start`. */
  private identity: string | undefined;

  constructor(options: LiveUserCacheOptions) {
    this.open = options.open;
    this.cap = Math.max(0, options.cap ?? DEFAULT_SUBSCRIPTION_CAP);
  }

  /** Registers one consumer of `id`; call the returned function (once) when it unmounts. */
  acquire(id: string): () => void {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { refs: 0, seq: 0, stop: undefined, latest: undefined };
      this.entries.set(id, entry);
    }
    entry.refs += 1;
    entry.seq = ++this.seq;
    this.rebalance();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(id);
    };
  }

  /** The latest event for `id`, if one arrived while it was registered. */
  get(id: string): LiveUserFields | undefined {
    return this.entries.get(id)?.latest;
  }

  /** `user` with the live fields applied (same object when nothing changed, for cheap renders). */
  apply<U extends { id: string; handle: string; displayName: string; avatarUrl?: string | null }>(user: U): U {
    const live = this.get(user.id);
    if (!live) return user;
    if (live.handle === user.handle && live.displayName === user.displayName && (live.avatarUrl ?? null) === (user.avatarUrl ?? null)) return user;
    return { ...user, handle: live.handle, displayName: live.displayName, avatarUrl: live.avatarUrl ?? null };
  }

  /** Calls `listener` after any override changes (for useSyncExternalStore). */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sets who the subscriptions are authorised as; a different identity (sign-in/out) restarts
   * every open subscription with the new token, as the generated hooks do.
   */
  setIdentity(identity: string | undefined): void {
    if (identity === this.identity) return;
    this.identity = identity;
    for (const entry of this.entries.values()) this.stopEntry(entry);
    this.rebalance();
  }

  /** Ids with an open subscription, most recently registered first (for tests and diagnostics). */
  activeIds(): string[] {
    return [...this.entries].filter(([, e]) => e.stop).sort(([, a], [, b]) => b.seq - a.seq).map(([id]) => id);
  }

  /** Ids registered by at least one consumer. */
  registeredIds(): string[] {
    return [...this.entries.keys()];
  }

  private release(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    this.stopEntry(entry);
    this.entries.delete(id);
    // A previously crowded-out id may now get a slot.
    this.rebalance();
  }

  private stopEntry(entry: Entry): void {
    const stop = entry.stop;
    entry.stop = undefined;
    stop?.();
  }

  /** Opens the `cap` most recently registered ids and closes the rest. */
  private rebalance(): void {
    const ranked = [...this.entries].sort(([, a], [, b]) => b.seq - a.seq);
    const identity = this.identity;
    ranked.forEach(([id, entry], rank) => {
      const wanted = identity !== undefined && rank < this.cap;
      if (!wanted) {
        this.stopEntry(entry);
        return;
      }
      if (entry.stop) return;
      entry.stop = this.open(id, identity, (change) => this.receive(id, change));
    });
  }

  private receive(id: string, change: LiveUserFields): void {
    const entry = this.entries.get(id);
    // Late events after release (or for another id) are ignored: AppSync filters by id already.
    if (!entry || change.id !== id) return;
    entry.latest = change;
    for (const listener of this.listeners) listener();
  }
}
