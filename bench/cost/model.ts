/**
 * Cruddur's AWS bill from per-operation counts (measured.ts) and public prices (prices.ts): cost
 * per million home-feed reads, per post by follower count with push and pull fan-out, and per
 * 1,000 daily active users a month. Pure arithmetic; every assumption is a named input, so
 * docs/cost.md can list them and the unit test can check the sums.
 */
import type { Prices } from './prices.ts';
import type { FanoutCounts, Measured } from './measured.ts';

export interface Assumptions {
  /** Lambda memory (infra's default for Cruddur's functions). */
  lambdaMemoryGb: number;
  /** In-region latency per DynamoDB or AppSync call made by a Lambda (its billed duration). */
  msPerCall: number;
  /** Write units of createCrud's transaction (crud put + author counter, 2 units each). */
  createCrudWriteUnits: number;
  /** Share of a poster's followers connected (subscribed) when a post goes out. */
  followersOnline: number;
  /** Records per stream consumer invocation when traffic is busy (the mapping's batch size is 100). */
  recordsPerInvocation: number;
  /** Pull: read units added to one follower's feed page per followed pulled account (one Query). */
  pullReadUnitsPerPage: number;
  /** Per active user a day. */
  daily: { feedReads: number; otherQueries: number; posts: number; likes: number; messages: number; connectedMinutes: number; followers: number; insightsReads: number };
  /** Aurora Serverless v2 for Insights: average ACUs, storage. */
  aurora: { acu: number; storageGb: number; ioPerDataApiCall: number };
}

export const defaultAssumptions: Assumptions = {
  lambdaMemoryGb: 0.5,
  msPerCall: 8,
  createCrudWriteUnits: 4,
  followersOnline: 0.1,
  recordsPerInvocation: 10,
  pullReadUnitsPerPage: 0.5,
  daily: { feedReads: 20, otherQueries: 15, posts: 2, likes: 10, messages: 10, connectedMinutes: 60, followers: 50, insightsReads: 1 },
  aurora: { acu: 0.5, storageGb: 1, ioPerDataApiCall: 2 },
};

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** One home-feed page: the AppSync query plus the DynamoDB reads its resolvers make. */
export function feedReadCost(m: Measured, p: Prices): number {
  return p.appsyncRequest + m.homeFeedRead.readUnits * p.dynamoReadUnit;
}

/** The measured fan-out nearest to `followers`, scaled linearly to it (fan-out is linear in followers). */
export function fanoutAt(m: Measured, followers: number): FanoutCounts {
  const sorted = [...m.fanout].sort((a, b) => Math.abs(a.followers - followers) - Math.abs(b.followers - followers));
  const base = sorted[0];
  const k = (followers + 1) / (base.followers + 1);
  const scale = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([key, v]) => [key, key === 'FEED' || key === 'BatchWriteItemCommand' ? v * k : v]));
  return { followers, calls: scale(base.calls), readUnits: base.readUnits * k, writeUnits: base.writeUnits - (base.itemsWritten.FEED ?? 0) + (base.itemsWritten.FEED ?? 0) * k, itemsWritten: scale(base.itemsWritten) };
}

export interface PostCost {
  followers: number;
  push: number;
  pull: number;
  /** Pull moves work to reads: what each of the followers' feed pages costs more. */
  pullPerFollowerRead: number;
}

/** Lambda charge for one invocation share and `calls` calls of `msPerCall`. */
function lambda(calls: number, invocations: number, a: Assumptions, p: Prices): number {
  return invocations * p.lambdaRequest + (calls * a.msPerCall) / 1000 * a.lambdaMemoryGb * p.lambdaGbSecond;
}

/**
 * One post by an account with `followers` followers. Push: the fan-out consumer writes a feed row
 * per follower, and the live consumer publishes one AppSync mutation per feed row. Pull: one row
 * (the author's), one shared publish; followers' reads pay for the merge instead.
 */
export function postCost(m: Measured, followers: number, a: Assumptions, p: Prices): PostCost {
  const f = fanoutAt(m, followers);
  const rows = f.itemsWritten.FEED ?? followers + 1;
  const write = p.appsyncRequest + a.createCrudWriteUnits * p.dynamoWriteUnit;
  const delivered = followers * a.followersOnline * p.appsyncRealtimeMessage;
  const pushFanout = f.writeUnits * p.dynamoWriteUnit + f.readUnits * p.dynamoReadUnit + lambda(sum(f.calls), 1 / a.recordsPerInvocation, a, p);
  const pushLive = rows * p.appsyncRequest + lambda(rows, rows / a.recordsPerInvocation, a, p);
  const pullRowUnits = f.writeUnits - rows + 1;
  const pullFanout = pullRowUnits * p.dynamoWriteUnit + lambda(sum(f.calls) - (f.calls.BatchWriteItemCommand ?? 0) + 1 - (f.calls.QueryCommand ?? 0), 1 / a.recordsPerInvocation, a, p);
  const pullLive = p.appsyncRequest + lambda(1, 1 / a.recordsPerInvocation, a, p);
  return {
    followers,
    push: write + pushFanout + pushLive + delivered,
    pull: write + pullFanout + pullLive + delivered,
    pullPerFollowerRead: a.pullReadUnitsPerPage * p.dynamoReadUnit,
  };
}

export interface MonthlyLine {
  item: string;
  usd: number;
}

/** A month (30 days) of `users` daily active users, by line item. */
export function monthlyCost(m: Measured, users: number, a: Assumptions, p: Prices): MonthlyLine[] {
  const d = a.daily;
  const days = 30 * users;
  const post = postCost(m, d.followers, a, p);
  const postsDynamoAndLambda = post.push - p.appsyncRequest - (d.followers + 1) * p.appsyncRequest - d.followers * a.followersOnline * p.appsyncRealtimeMessage;
  // A like or a message: a transactional write of two or four items, one notification or message
  // row written by a consumer (transactional), one publish, one delivery.
  const likeOrMessageUnits = 4 + 4;
  const dataApiCalls = days * ((d.posts + d.likes + d.messages) / a.recordsPerInvocation + d.insightsReads * 2);
  const lines: MonthlyLine[] = [
    { item: 'AppSync queries and mutations', usd: days * (d.feedReads + d.otherQueries + d.posts + d.likes + d.messages + d.insightsReads) * p.appsyncRequest },
    { item: 'AppSync publish mutations (live consumer)', usd: days * (d.posts * (d.followers + 1) + d.likes + d.messages * 2) * p.appsyncRequest },
    { item: 'AppSync real-time messages', usd: days * (d.posts * d.followers * a.followersOnline + d.likes + d.messages * 2) * p.appsyncRealtimeMessage },
    { item: 'AppSync connection-minutes', usd: days * d.connectedMinutes * p.appsyncConnectionMinute },
    { item: 'DynamoDB reads (feed pages, other queries)', usd: days * (d.feedReads + d.otherQueries) * m.homeFeedRead.readUnits * p.dynamoReadUnit },
    { item: 'DynamoDB writes and Lambda for posts (fan-out)', usd: days * d.posts * postsDynamoAndLambda },
    { item: 'DynamoDB writes and Lambda for likes and messages', usd: days * (d.likes + d.messages) * (likeOrMessageUnits * p.dynamoWriteUnit + lambda(2, 2 / a.recordsPerInvocation, a, p)) },
    { item: 'Cognito MAU (Essentials; Lite would be ×0.37), before the free tier', usd: users * p.cognitoEssentialsMau },
    { item: 'Aurora Serverless v2 ACU-hours (Insights)', usd: a.aurora.acu * 730 * p.auroraAcuHour },
    { item: 'Aurora storage and I/O', usd: a.aurora.storageGb * p.auroraStorageGbMonth + dataApiCalls * a.aurora.ioPerDataApiCall * p.auroraIoRequest },
    { item: 'RDS Data API requests', usd: dataApiCalls * p.dataApiRequest },
  ];
  return lines;
}
