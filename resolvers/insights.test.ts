/**
 * The Insights resolvers' requests, evaluated in the offline APPSYNC_JS runtime: who is asking,
 * argument validation, and that every value reaches Postgres as a parameter.
 */
import { describe, expect, it } from 'vitest';
import { guest, run, user } from './lib/testing/evaluate.ts';

const PIPELINE = 'Query.myInsights/resolver.ts';
const HISTORY = 'Query.hashtagHistory.[insights].ts';
const today = () => new Date().toISOString().slice(0, 10);

interface RdsRequest {
  statements: string[];
  variableMap: Record<string, unknown>;
  variableTypeHintMap?: Record<string, string>;
}

describe('Query.myInsights', () => {
  it('is the caller’s own: the user id comes from the authorizer identity', async () => {
    const ev = await run(PIPELINE, 'request', { args: { days: 30 }, identity: user('u1') });
    expect(ev.error).toBeUndefined();
    expect(ev.stash.callerId).toBe('u1');
    const window = ev.stash.window as { days: number; from: string; to: string };
    expect(window.days).toBe(30);
    expect(window.to).toBe(today());
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe(29 * 86400_000);
    const fn = await run('Query.myInsights/1.activity.[insights].ts', 'request', { stash: ev.stash });
    const request = fn.value as RdsRequest;
    expect(request.statements).toHaveLength(2);
    expect(Object.values(request.variableMap)).toContain('u1');
    expect(request.statements.join('\n')).not.toContain('u1');
  });

  it('refuses guests', async () => {
    const ev = await run(PIPELINE, 'request', { args: { days: 7 }, identity: guest });
    expect(ev.error).toMatchObject({ errorType: 'Unauthorized' });
  });

  it.each([0, 1, 8, 31, 365, -7])('refuses days = %i with a ValidationError', async (days) => {
    const ev = await run(PIPELINE, 'request', { args: { days }, identity: user('u1') });
    expect(ev.error).toMatchObject({ errorType: 'ValidationError', message: 'days must be 7, 30 or 90', errorInfo: { field: 'days' } });
  });

  it('adds the daily figures into totals', async () => {
    const daily = [
      { date: '2026-12-06', cruds: 1, likes: 2, reposts: 0, replies: 1, newFollowers: 3, unfollows: 0 },
      { date: '2026-12-07', cruds: 2, likes: 0, reposts: 4, replies: 0, newFollowers: 0, unfollows: 1 },
    ];
    const ev = await run(PIPELINE, 'response', { stash: { window: { days: 7, from: '2026-12-01', to: '2026-12-07' }, daily, topCruds: [], hours: [], hashtags: [] } });
    expect(ev.value).toMatchObject({ days: 7, from: '2026-12-01', to: '2026-12-07', totals: { cruds: 3, likes: 2, reposts: 4, replies: 1, newFollowers: 3, unfollows: 1 } });
  });
});

describe('Query.hashtagHistory', () => {
  it('normalises the tag and passes it, the start day and the length as parameters', async () => {
    for (const identity of [user('u1'), guest]) {
      const ev = await run(HISTORY, 'request', { args: { tag: '  #Cloud ' }, identity });
      expect(ev.error).toBeUndefined();
      const request = ev.value as RdsRequest;
      expect(request.statements).toHaveLength(1);
      expect(Object.values(request.variableMap)).toEqual(expect.arrayContaining(['cloud', 7]));
      expect(Object.values(request.variableTypeHintMap ?? {})).toEqual(['DATE']);
    }
  });

  it.each([0, 91, -1])('refuses days = %i', async (days) => {
    const ev = await run(HISTORY, 'request', { args: { tag: 'cloud', days }, identity: guest });
    expect(ev.error).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'days' } });
  });

  it.each(['', '#', 'no-dash', 'x'.repeat(51), "a'; DROP TABLE cruds; --"])('refuses the tag %j', async (tag) => {
    const ev = await run(HISTORY, 'request', { args: { tag }, identity: guest });
    expect(ev.error).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'tag' } });
  });
});
