/**
 * The pool's state in memory, persisted after every change as one JSON file written atomically
 * (`<dataDir>/cognito/<poolId>/state.json`). Calls await `save()` before answering, so an
 * acknowledged sign-up or revocation survives a crash.
 */
import path from 'node:path';
import { readJson, writeJsonAtomic } from './atomic-file.ts';
import type { DecoyRecord, PoolState, UserRecord } from './types.ts';

const outboxLimit = 500;
/** Decoy records idle this long, and not locked, are dropped (a day outlives every code and lock). */
const decoyIdleMs = 24 * 3600_000;

export class PoolStore {
  private readonly byEmail = new Map<string, string>();
  /** Decoy records (persisted as `state.decoys`), oldest first, so the oldest can go in O(1). */
  readonly decoys: Map<string, DecoyRecord>;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    readonly state: PoolState,
    private readonly file: string | undefined,
  ) {
    for (const user of Object.values(state.users)) this.index(user);
    this.decoys = new Map(Object.entries(state.decoys ?? {}));
    delete state.decoys;
  }

  /** Opens the store in `dir`, or an in-memory one when `dir` is undefined. */
  static async open(dir: string | undefined): Promise<PoolStore> {
    const file = dir && path.join(dir, 'state.json');
    const state = (file && (await readJson<PoolState>(file))) || { users: {}, refreshTokens: {}, revokedOriginJtis: {}, outbox: [] };
    return new PoolStore(state, file);
  }

  user(username: string): UserRecord | undefined {
    return Object.hasOwn(this.state.users, username) ? this.state.users[username] : undefined;
  }

  /** Looks a user up by the sign-in name: the email (case-insensitive) or the username itself. */
  findBySignInName(name: string): UserRecord | undefined {
    const byEmail = this.byEmail.get(name.trim().toLowerCase());
    return byEmail ? this.user(byEmail) : this.user(name);
  }

  /** Adds or replaces a user; pass `previousEmail` when the email attribute changed in place. */
  putUser(user: UserRecord, previousEmail?: string): void {
    const previous = previousEmail ?? this.user(user.username)?.attributes.email;
    if (previous) this.byEmail.delete(previous.toLowerCase());
    this.state.users[user.username] = user;
    this.index(user);
  }

  deleteUser(username: string): void {
    const user = this.user(username);
    if (!user) return;
    if (user.attributes.email) this.byEmail.delete(user.attributes.email.toLowerCase());
    delete this.state.users[username];
    for (const [key, record] of Object.entries(this.state.refreshTokens)) {
      if (record.username === username) delete this.state.refreshTokens[key];
    }
  }

  /** Drops expired refresh tokens, revocations, idle decoys and outbox overflow, so the file does not grow forever. */
  prune(now = Date.now()): void {
    for (const [key, record] of Object.entries(this.state.refreshTokens)) if (record.expiresAt < now) delete this.state.refreshTokens[key];
    for (const [jti, until] of Object.entries(this.state.revokedOriginJtis)) if (until < now) delete this.state.revokedOriginJtis[jti];
    if (this.state.outbox.length > outboxLimit) this.state.outbox.splice(0, this.state.outbox.length - outboxLimit);
    for (const [key, decoy] of this.decoys) {
      if (decoy.touchedAt < now - decoyIdleMs && !((decoy.lockedUntil ?? 0) > now)) this.decoys.delete(key);
    }
  }

  /** Persists the current state; concurrent calls coalesce into at most one pending write. */
  save(): Promise<void> {
    if (!this.file) return Promise.resolve();
    this.dirty = true;
    const file = this.file;
    const next = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      this.prune();
      await writeJsonAtomic(file, { ...this.state, decoys: Object.fromEntries(this.decoys) } satisfies PoolState);
    });
    // One failed write must not poison every later save.
    this.writing = next.catch(() => undefined);
    return next;
  }

  private index(user: UserRecord): void {
    if (user.attributes.email) this.byEmail.set(user.attributes.email.toLowerCase(), user.username);
  }
}
