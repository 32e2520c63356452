import { describe, expect, it } from 'vitest';
import { defaultAssumptions, fanoutAt, feedReadCost, monthlyCost, postCost, type Assumptions } from './model.ts';
import type { Measured } from './measured.ts';
import { prices, type Prices } from './prices.ts';

// Prices and assumptions chosen so each term lands in its own decimal place.
const p: Prices = Object.assign(Object.fromEntries(Object.keys(prices).map((k) => [k, 0])) as Prices, {
  appsyncRequest: 1,
  appsyncRealtimeMessage: 10,
  dynamoWriteUnit: 100,
  dynamoReadUnit: 1000,
  lambdaRequest: 10_000,
  lambdaGbSecond: 1e6,
});
const a: Assumptions = { ...defaultAssumptions, lambdaMemoryGb: 1, msPerCall: 1000, createCrudWriteUnits: 4, followersOnline: 0.5, recordsPerInvocation: 1, pullReadUnitsPerPage: 0.5 };
const m: Measured = {
  source: 'test',
  homeFeedRead: { calls: { QueryCommand: 1, BatchGetItemCommand: 3 }, readUnits: 12 },
  fanout: [{ followers: 10, calls: { QueryCommand: 1, BatchWriteItemCommand: 2, TransactWriteItemsCommand: 1 }, readUnits: 0.5, writeUnits: 15, itemsWritten: { FEED: 11, TAGGED: 1, MARKER: 1, TREND: 1 } }],
};

describe('cost model arithmetic', () => {
  it('a feed page is one AppSync query plus its read units', () => {
    expect(feedReadCost(m, p)).toBe(1 + 12 * 1000);
  });

  it('push: mutation, crud writes, fan-out writes and reads, consumer time, one publish per feed row, deliveries', () => {
    // write 1 + 4·100; fan-out 15·100 + 0.5·1000 + (1 invocation + 4 calls·1 s·1 GB); live 11·1 + 11·(invocation + 1 s); deliveries 10·0.5·10
    const push = 401 + 2000 + (10_000 + 4e6) + 11 + (110_000 + 11e6) + 50;
    // pull: one feed row (15 − 11 + 1 units), no follower query, one batch write; one publish
    const pull = 401 + 500 + (10_000 + 2e6) + (1 + 10_000 + 1e6) + 50;
    expect(postCost(m, 10, a, p)).toEqual({ followers: 10, push, pull, pullPerFollowerRead: 500 });
  });

  it('scales a measured fan-out linearly in feed rows', () => {
    const f = fanoutAt(m, 21);
    expect(f.itemsWritten.FEED).toBe(22);
    expect(f.calls.BatchWriteItemCommand).toBe(4);
    expect(f.calls.QueryCommand).toBe(1);
    expect(f.readUnits).toBe(1);
    expect(f.writeUnits).toBe(15 - 11 + 22);
  });

  it('a month of users: connection-minutes and the Aurora floor', () => {
    const lines = monthlyCost(m, 1000, defaultAssumptions, prices);
    const line = (name: string) => lines.find((l) => l.item.startsWith(name))!.usd;
    expect(line('AppSync connection-minutes')).toBeCloseTo(30 * 1000 * 60 * 0.08e-6, 10);
    expect(line('Aurora Serverless v2 ACU-hours')).toBeCloseTo(0.5 * 730 * 0.12, 10);
    expect(line('Cognito MAU')).toBeCloseTo(1000 * 0.015, 10);
  });
});
