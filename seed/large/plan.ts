/**
 * What a fixture contains, decided before anything is written: who exists, who follows whom, who
 * posted, liked, reposted and replied what and when, and who wrote to whom. A plan is
 * deterministic for a size (a seeded generator) and lists every event in the order it happened,
 * so the same plan can be played through the public API (the equivalence test) or turned into
 * items directly (items.ts). Times are epoch ms, all in the past.
 */
import { EXPIRES_IN_SECONDS } from '../../resolvers/lib/validate.ts';

export interface FixtureSize {
  /** Accounts that can sign in (index 0 is the celebrity). */
  users: number;
  /** How many accounts each ordinary user follows (the celebrity among them). */
  followsPerUser: number;
  /** Cruds in all, replies included. */
  cruds: number;
  /** Of which the celebrity's (top level). */
  celebrityCruds: number;
  /** Cruds are spread evenly over this many days before now. */
  days: number;
  /** The celebrity's followers; beyond `users - 1` they are profile-only accounts (no Cognito user). */
  celebrityFollowers: number;
  conversations: number;
  messagesPerConversation: number;
  /** Share of cruds that are replies. */
  replyShare: number;
  /** Mean likes per top-level crud. */
  likesPerCrud: number;
  /** Share of top-level cruds reposted once. */
  repostShare: number;
  /** Share of top-level cruds posted with a one-day expiry (expired unless posted in the last day). */
  shortLivedShare: number;
  /** Share of cruds mentioning someone. */
  mentionShare: number;
  seed: number;
}

/** The fixture of `cruddur-local start --seed large`. */
export const LARGE: FixtureSize = {
  users: 1000,
  followsPerUser: 50,
  cruds: 50_000,
  celebrityCruds: 30,
  days: 30,
  celebrityFollowers: 10_000,
  conversations: 200,
  messagesPerConversation: 10,
  replyShare: 0.2,
  likesPerCrud: 2,
  repostShare: 0.05,
  shortLivedShare: 0.05,
  mentionShare: 0.1,
  seed: 20261207,
};

export interface PlanUser {
  handle: string;
  name: string;
  /** Present for accounts that get a Cognito user. */
  email?: string;
}

export interface PlanCrud {
  author: number;
  message: string;
  at: number;
  expiresAt: number;
  /** Index of the crud replied to. */
  replyTo?: number;
  expiresIn: keyof typeof EXPIRES_IN_SECONDS;
}

export interface Plan {
  users: PlanUser[];
  /** Every account, Cognito users first, then profile-only followers of the celebrity. */
  follows: { follower: number; followee: number; at: number }[];
  cruds: PlanCrud[];
  likes: { user: number; crud: number; at: number }[];
  reposts: { user: number; crud: number; at: number }[];
  conversations: { a: number; b: number; messages: { from: 0 | 1; body: string; at: number }[] }[];
  /** When the plan was made (the "now" its times are relative to). */
  now: number;
}

const DAY = 86_400_000;
const TAGS = ['cloud', 'serverless', 'appsync', 'dynamodb', 'typescript', 'bootcamp', 'lambda', 'cognito', 'graphql', 'aws', 'devops', 'frontend'];
const WORDS = 'the feed is live today and every crud forgets itself soon enough so post while it lasts ship it'.split(' ');

/** mulberry32: small, fast, seeded; the plan must be the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const userHandle = (i: number) => (i === 0 ? 'celebrity' : `user${String(i).padStart(4, '0')}`);
export const userEmail = (handle: string) => `${handle}@large.cruddur.test`;
/** Every fixture account that can sign in uses this password (printed by `start --seed large`). */
export const FIXTURE_PASSWORD = 'Cruddur-Large-1';

export function makePlan(size: FixtureSize, now = Date.now()): Plan {
  const random = generator(size.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const lurkers = Math.max(0, size.celebrityFollowers - (size.users - 1));
  const users: PlanUser[] = [];
  for (let i = 0; i < size.users; i++) users.push({ handle: userHandle(i), name: i === 0 ? 'The Celebrity' : `User ${i}`, email: userEmail(userHandle(i)) });
  for (let i = 0; i < lurkers; i++) users.push({ handle: `lurker${String(i).padStart(5, '0')}`, name: `Lurker ${i}` });

  // Everyone follows at the start of the window, before the first crud: no back-filled rows.
  const span = size.days >= 1 ? size.days * DAY - 2 * 3_600_000 : size.days * DAY;
  const start = now - span;
  const follows: Plan['follows'] = [];
  const following: Set<number>[] = users.map(() => new Set());
  const follow = (a: number, b: number) => {
    if (a === b || following[a].has(b)) return false;
    following[a].add(b);
    follows.push({ follower: a, followee: b, at: 0 });
    return true;
  };
  const ordinary = size.users - 1;
  for (let i = 0; i < size.users; i++) {
    const want = Math.min(size.followsPerUser, ordinary);
    if (i > 0) follow(i, 0);
    while (following[i].size < want) follow(i, 1 + pick(ordinary));
  }
  for (let i = size.users; i < users.length; i++) follow(i, 0);
  const followWindow = Math.min(3_600_000, span / 10);
  follows.forEach((f, k) => (f.at = start - followWindow + Math.floor((k * followWindow) / follows.length)));

  const cruds: PlanCrud[] = [];
  const likes: Plan['likes'] = [];
  const reposts: Plan['reposts'] = [];
  const celebrityEvery = size.celebrityCruds > 0 ? Math.floor(size.cruds / size.celebrityCruds) : Infinity;
  const topLevel: number[] = [];
  for (let k = 0; k < size.cruds; k++) {
    const at = start + Math.floor(((k + 0.5) * span) / size.cruds);
    const celebrity = k % celebrityEvery === celebrityEvery - 1;
    const author = celebrity ? 0 : 1 + pick(ordinary);
    const tags = [TAGS[pick(TAGS.length)], ...(random() < 0.3 ? [TAGS[pick(TAGS.length)]] : [])];
    const mention = random() < size.mentionShare ? ` @${userHandle(1 + pick(ordinary))}` : '';
    const words = Array.from({ length: 4 + pick(8) }, () => WORDS[pick(WORDS.length)]).join(' ');
    const message = `Crud ${k}: ${words} #${[...new Set(tags)].join(' #')}${mention}`;
    // A reply answers a recent live crud and shares its expiry (as replyToCrud does).
    const parents = topLevel.slice(-200).filter((p) => cruds[p].expiresAt > at && cruds[p].at < at);
    if (!celebrity && parents.length > 0 && random() < size.replyShare) {
      const parent = parents[pick(parents.length)];
      cruds.push({ author, message, at, expiresAt: cruds[parent].expiresAt, replyTo: parent, expiresIn: cruds[parent].expiresIn });
      continue;
    }
    const expiresIn = random() < size.shortLivedShare ? 'ONE_DAY' : 'THIRTY_DAYS';
    cruds.push({ author, message, at, expiresAt: at + EXPIRES_IN_SECONDS[expiresIn] * 1000, expiresIn });
    topLevel.push(k);
  }
  for (const k of topLevel) {
    const crud = cruds[k];
    const until = Math.min(now, crud.expiresAt) - 1;
    const count = Math.round(size.likesPerCrud * 2 * random());
    const likers = new Set<number>();
    for (let tries = 0; likers.size < count && tries < count * 4; tries++) {
      const u = 1 + pick(ordinary);
      if (u !== crud.author) likers.add(u);
    }
    for (const user of likers) likes.push({ user, crud: k, at: crud.at + Math.floor(random() * (until - crud.at)) });
    if (random() < size.repostShare) {
      const user = 1 + pick(ordinary);
      if (user !== crud.author) reposts.push({ user, crud: k, at: crud.at + Math.floor(random() * (until - crud.at)) });
    }
  }
  likes.sort((x, y) => x.at - y.at);
  reposts.sort((x, y) => x.at - y.at);

  const conversations: Plan['conversations'] = [];
  const pairs = new Set<string>();
  for (let tries = 0; conversations.length < size.conversations && tries < size.conversations * 10; tries++) {
    const a = 1 + pick(ordinary);
    const b = 1 + pick(ordinary);
    const pair = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(pair)) continue;
    pairs.add(pair);
    const first = start + Math.floor(random() * span * 0.9);
    const messages = Array.from({ length: size.messagesPerConversation }, (_, m) => ({
      from: (m === 0 ? 0 : random() < 0.5 ? 0 : 1) as 0 | 1,
      body: `Message ${m} of conversation ${conversations.length}: ${WORDS[pick(WORDS.length)]} ${WORDS[pick(WORDS.length)]}`,
      at: first + Math.floor(((m + 1) * (now - first)) / (size.messagesPerConversation + 1)),
    }));
    conversations.push({ a, b, messages });
  }
  return { users, follows, cruds, likes, reposts, conversations, now };
}
