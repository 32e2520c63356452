/**
 * Hybrid fan-out: how a post reaches followers' home feeds (docs/decisions/026-hybrid-fanout.md).
 * Ordinary accounts are pushed (one feed row per follower, written by the `feed-fanout` consumer);
 * accounts above a follower threshold are pulled (followers' home feeds merge their recent posts
 * at read time). Shared by the stream consumer, the resolvers, the benchmarks and fixtures, so
 * the rule is defined once.
 */

/** Thresholds and bounds of the hybrid fan-out. */
export interface FanoutSettings {
  /** Followers at which a pushed account becomes pulled. */
  pullAt: number;
  /** Followers at which a pulled account goes back to push; below `pullAt` so it cannot flap. */
  pushAt: number;
}

/**
 * 5,000 / 4,000: a push costs one write per follower, serialised on the author's stream shard
 * (5,000 writes ≈ 200 BatchWriteItem calls ahead of every later record), while a pull costs each
 * follower's home-feed read one extra item. The 1,000-follower band means an account has to lose
 * a fifth of its audience before it goes back (decision 026 has the numbers).
 */
export const fanoutSettings: FanoutSettings = { pullAt: 5000, pushAt: 4000 };

/**
 * Pulled accounts merged into one home-feed page, and the pulled accounts one live subscription
 * covers: AppSync's enhanced filters allow 10 filter groups with an `in` of at most 5 values
 * (10 × 5 = 50), and BatchGetItem reads at most 100 keys (docs/decisions/026).
 */
export const MAX_PULLED_ACCOUNTS = 50;

/**
 * Newest posts and reposts kept per pulled account (its `RECENT` item), newest first. A
 * follower's feed can page through this many of a pulled account's items; older ones are not
 * merged (decision 026). 50 entries ≈ 7 KB, two read units per merged account.
 */
export const RECENT_ENTRIES = 50;

export type FanoutMode = 'push' | 'pull';

/**
 * Push or pull for an account with `followersCount` followers, given its current mode
 * (`pulled` = it is pulled now). Hysteresis: a pushed account becomes pulled at `pullAt`
 * followers, a pulled one returns to push only at `pushAt` or fewer.
 */
export function fanoutMode(followersCount: number, pulled: boolean, settings: FanoutSettings = fanoutSettings): FanoutMode {
  if (pulled) return followersCount <= settings.pushAt ? 'push' : 'pull';
  return followersCount >= settings.pullAt ? 'pull' : 'push';
}

/**
 * The settings a stream consumer runs with, from its `FANOUT_PULL_AT` / `FANOUT_PUSH_AT` tunables
 * (functions.ts sets them to `fanoutSettings`; tests and benchmarks lower them per stack to cross
 * the threshold with a handful of accounts); `fanoutSettings` where absent. Invalid or inverted
 * values are refused rather than guessed.
 */
export function fanoutSettingsFrom(env: Record<string, string | undefined>): FanoutSettings {
  const pullAt = env.FANOUT_PULL_AT === undefined ? fanoutSettings.pullAt : Number(env.FANOUT_PULL_AT);
  const pushAt = env.FANOUT_PUSH_AT === undefined ? fanoutSettings.pushAt : Number(env.FANOUT_PUSH_AT);
  if (!Number.isInteger(pullAt) || !Number.isInteger(pushAt) || pushAt < 0 || pushAt >= pullAt) {
    throw new Error(`FANOUT_PUSH_AT (${pushAt}) must be an integer ≥ 0 below FANOUT_PULL_AT (${pullAt})`);
  }
  return { pullAt, pushAt };
}
