/**
 * Insights end to end on the offline stack: real Cognito users and real mutations through
 * GraphQL, the table's stream, the fanout mapping's Insights step, Postgres behind the Data API,
 * and the Insights resolvers on the RDS data source. Activity the API cannot backdate (a crud
 * three days old that then expired, a follow forty days old) enters as synthetic stream records
 * through the same consumer. Every figure of myInsights and hashtagHistory is checked.
 * Run by two test files: on embedded PGlite and on a real Postgres server (DATABASE_URL).
 */
import { ExecuteStatementCommand, RDSDataClient } from '@aws-sdk/client-rds-data';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../definitions/demo-users.ts';
import { backfill } from '../../lambdas/insights-sink/backfill.ts';
import { databaseTargetFromEnv } from '../../lambdas/shared/database.ts';
import { dataApiDatabase } from '../../lambdas/insights-sink/database.ts';
import { handler as insightsHandler } from '../../lambdas/insights-sink/index.ts';
import { inserted, items, removed, ulidAt } from '../../lambdas/insights-sink/testing/records.ts';
import { operationFor, signIn, type Operation } from '../../seed/api.ts';
import { startStack, type Stack } from '../../local/src/stack.ts';
import { withFunctionEnv } from '../../local/src/lambda-runtime/function-env.ts';

/**
 * Defines the scenario on the database `databaseUrl` names (undefined: PGlite); skipped with
 * `skip` as the reason when that database cannot run here.
 */
export function describeInsightsScenario(label: string, databaseUrl: () => Promise<string | undefined>, skip?: string): void {
  describe.skipIf(Boolean(skip))(`Insights on ${label}`, () => {
    let stack: Stack;
    const ops: Record<string, Operation> = {};
    const ids: Record<string, string> = {};
    let guestOp: Operation;

    beforeAll(async () => {
      stack = await startStack({ ports: {}, seed: true, log: 'silent', databaseUrl: await databaseUrl() });
      for (const handle of ['andrewbrown', 'bayko', 'londo']) {
        const u = demoUsers.find((d) => d.handle === handle)!;
        ops[handle] = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, u));
        ids[handle] = (await ops[handle]<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
      }
      guestOp = operationFor(stack.urls.graphql, 'guest');
    }, 180_000);
    afterAll(() => stack?.close());

    async function ok<T = any>(op: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
      const res = await op<T>(query, variables);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data as T;
    }
    const A = () => ops.andrewbrown;
    const B = () => ops.bayko;
    const L = () => ops.londo;
    /** Every stream record so far has reached every consumer (and so Postgres). */
    const settled = () => stack.dynamo.streams.idle();

    const DAY = 86400_000;
    const utcDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const INSIGHTS = `query I($days: Int!) { myInsights(days: $days) {
      days from to
      daily { date cruds likes reposts replies newFollowers unfollows }
      totals { cruds likes reposts replies newFollowers unfollows }
      topCruds { crudId message createdAt likes reposts replies expired }
      followerActiveHours { hour count }
      hashtags { tag total daily { date count } }
    } }`;
    const HISTORY = `query H($tag: String!, $days: Int) { hashtagHistory(tag: $tag, days: $days) { date count } }`;
    const insightsOf = async (op: Operation, days: number) => (await ok(op, INSIGHTS, { days })).myInsights;
    const zero = { cruds: 0, likes: 0, reposts: 0, replies: 0, newFollowers: 0, unfollows: 0 };

    /** The daily figures as a map of non-zero days. */
    function nonZeroDays(daily: Record<string, unknown>[]): Record<string, Record<string, unknown>> {
      const out: Record<string, Record<string, unknown>> = {};
      for (const { date, ...figures } of daily) if (Object.values(figures).some((v) => v !== 0)) out[date as string] = figures;
      return out;
    }

    async function deliver(records: DynamoDBRecord[]) {
      // As the `fanout` function runs it: with that function's environment (the Data API target).
      const res = await withFunctionEnv(stack.functionEnv.named('feed-fanout'), () => insightsHandler({ Records: records }));
      expect(res).toEqual({ batchItemFailures: [] });
    }

    const crud = { c1: '', c2: '', gone: '', selfReply: '' };
    let liveBeforeBackfill: unknown;
    let hourBefore = 0;
    let hourAfter = 0;

    describe('Insights on the offline stack', () => {
      it('records real activity through the stream, and a backfill into an empty database gives the same figures', async () => {
        hourBefore = new Date().getUTCHours();
        await ok(B(), 'mutation { follow(handle: "andrewbrown") { id } }');
        crud.c1 = (await ok(A(), 'mutation { createCrud(message: "Hello #Insights and #e2e") { id } }')).createCrud.id;
        crud.c2 = (await ok(A(), 'mutation { createCrud(message: "Second #insights") { id } }')).createCrud.id;
        crud.gone = (await ok(A(), 'mutation { createCrud(message: "delete me #insights") { id } }')).createCrud.id;
        const like = 'mutation L($id: ID!) { likeCrud(id: $id) { id } }';
        await ok(B(), like, { id: crud.c1 });
        await ok(L(), like, { id: crud.c1 });
        await ok(L(), 'mutation L($id: ID!) { unlikeCrud(id: $id) { id } }', { id: crud.c1 });
        await ok(B(), like, { id: crud.gone });
        await ok(B(), 'mutation R($id: ID!) { repostCrud(id: $id) { id } }', { id: crud.c1 });
        await ok(L(), 'mutation R($id: ID!) { repostCrud(id: $id) { id } }', { id: crud.c2 });
        await ok(L(), 'mutation R($id: ID!) { unrepostCrud(id: $id) { id } }', { id: crud.c2 });
        await ok(B(), 'mutation Y($id: ID!) { replyToCrud(crudId: $id, message: "nice") { id } }', { id: crud.c1 });
        const lReply = (await ok(L(), 'mutation Y($id: ID!) { replyToCrud(crudId: $id, message: "hmm") { id } }', { id: crud.c1 })).replyToCrud.id;
        await ok(L(), 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id: lReply });
        crud.selfReply = (await ok(A(), 'mutation Y($id: ID!) { replyToCrud(crudId: $id, message: "thanks, self") { id } }', { id: crud.c1 })).replyToCrud.id;
        await ok(A(), 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id: crud.gone });
        hourAfter = new Date().getUTCHours();
        await settled();

        const live = await insightsOf(A(), 7);
        expect(live.daily).toHaveLength(7);
        expect(nonZeroDays(live.daily)).toEqual({ [utcDay(0)]: { ...zero, cruds: 2, likes: 1, reposts: 1, replies: 1, newFollowers: 1 } });
        liveBeforeBackfill = { a: live, b: await insightsOf(B(), 7), history: (await ok(guestOp, HISTORY, { tag: 'insights' })).hashtagHistory };

        // Empty the analytics database, rebuild it from the table alone, and compare.
        // Read and called as the `fanout` function does: in its environment.
        const fanoutEnv = stack.functionEnv.named('feed-fanout');
        const config = withFunctionEnv(fanoutEnv, () => databaseTargetFromEnv());
        expect(config, 'the stack configures the Data API for Lambdas').not.toBeNull();
        const client = withFunctionEnv(fanoutEnv, () => new RDSDataClient({ region: fanoutEnv.AWS_REGION, endpoint: fanoutEnv.AWS_ENDPOINT_URL_RDS_DATA, credentials: stack.iamCredential }));
        await client.send(new ExecuteStatementCommand({ ...config!, sql: 'TRUNCATE users, cruds, hashtags, crud_hashtags, engagements, follow_events RESTART IDENTITY CASCADE' }));
        expect(nonZeroDays((await insightsOf(A(), 7)).daily)).toEqual({});
        const result = await backfill({ dynamo: stack.dynamo.client, tableName: stack.dynamo.tableName, db: dataApiDatabase(config!, client) });
        expect(result.applied).toBeGreaterThan(0);
        expect({ a: await insightsOf(A(), 7), b: await insightsOf(B(), 7), history: (await ok(guestOp, HISTORY, { tag: 'insights' })).hashtagHistory }).toEqual(liveBeforeBackfill);
      });

      it('adds history the API cannot backdate, and redelivered or reordered records count once', async () => {
        await ok(L(), 'mutation { follow(handle: "andrewbrown") { id } }');
        await ok(L(), 'mutation { unfollow(handle: "andrewbrown") { id } }');
        await settled();
        // A crud from three days ago, liked then, and expired since (TTL); a follower from 40 days ago.
        const old = new Date(`${utcDay(-3)}T10:00:00Z`);
        const c0 = items.crud(ulidAt(old, 7), ids.andrewbrown, old, 'old news #insights', { hashtags: ['insights'], expiresAt: new Date(old.getTime() + DAY) });
        const c0Like = items.like(c0, ids.bayko, new Date(old.getTime() + 3600_000));
        const ghostFollow = items.follows('ghost-follower', ids.andrewbrown, new Date(`${utcDay(-40)}T08:00:00Z`));
        const records = [
          inserted(c0, { at: old }),
          inserted(c0Like, { at: new Date(old.getTime() + 3600_000) }),
          inserted(ghostFollow, { at: new Date(`${utcDay(-40)}T08:00:00Z`) }),
          removed(c0, { at: new Date(old.getTime() + DAY), ttl: true }),
          removed(c0Like, { at: new Date(old.getTime() + DAY), ttl: true }),
        ];
        await deliver(records);
        const once = await insightsOf(A(), 90);
        await deliver([...records].reverse());
        await deliver([records[3], records[0], records[4], records[1], records[2]]);
        expect(await insightsOf(A(), 90)).toEqual(once);
      });

      it('gives the caller every figure right', async () => {
        const week = await insightsOf(A(), 7);
        expect(week).toMatchObject({ days: 7, from: utcDay(-6), to: utcDay(0) });
        expect(week.daily.map((d: { date: string }) => d.date)).toEqual([-6, -5, -4, -3, -2, -1, 0].map(utcDay));
        expect(nonZeroDays(week.daily)).toEqual({
          [utcDay(-3)]: { ...zero, cruds: 1, likes: 1 },
          [utcDay(0)]: { ...zero, cruds: 2, likes: 1, reposts: 1, replies: 1, newFollowers: 2, unfollows: 1 },
        });
        expect(week.totals).toEqual({ cruds: 3, likes: 2, reposts: 1, replies: 1, newFollowers: 2, unfollows: 1 });

        // Most engaged first, then newest; replies are cruds too; the expired crud without its text;
        // the deleted one not at all.
        expect(week.topCruds.map((c: { crudId: string }) => c.crudId)).toEqual([crud.c1, expect.any(String), crud.selfReply, crud.c2]);
        expect(week.topCruds[0]).toMatchObject({ message: 'Hello #Insights and #e2e', likes: 1, reposts: 1, replies: 1, expired: false });
        expect(week.topCruds[1]).toMatchObject({ message: null, likes: 1, reposts: 0, replies: 0, expired: true, createdAt: `${utcDay(-3)}T10:00:00.000Z` });
        expect(week.topCruds[2]).toMatchObject({ message: 'thanks, self', likes: 0, reposts: 0, replies: 0, expired: false });
        expect(week.topCruds[3]).toMatchObject({ message: 'Second #insights', likes: 0, reposts: 0, replies: 0, expired: false });

        // Current followers: bayko (and the 40-day-old one, who did nothing). Bayko liked c1, reposted
        // it and replied today (his like of the deleted crud does not count), and liked c0 at 11:00.
        expect(week.followerActiveHours.map((h: { hour: number }) => h.hour)).toEqual([...Array(24).keys()]);
        const hours = Object.fromEntries(week.followerActiveHours.filter((h: { count: number }) => h.count > 0).map((h: { hour: number; count: number }) => [h.hour, h.count]));
        expect(hours[11]).toBeGreaterThanOrEqual(1);
        expect(Object.values(hours).reduce((a: number, b) => a + (b as number), 0)).toBe(4);
        if (hourBefore === hourAfter) expect(hours[hourBefore]).toBe(hourBefore === 11 ? 4 : 3);

        expect(week.hashtags).toEqual([
          { tag: 'insights', total: 3, daily: [-6, -5, -4, -3, -2, -1, 0].map((d) => ({ date: utcDay(d), count: d === -3 ? 1 : d === 0 ? 2 : 0 })) },
          { tag: 'e2e', total: 1, daily: [-6, -5, -4, -3, -2, -1, 0].map((d) => ({ date: utcDay(d), count: d === 0 ? 1 : 0 })) },
        ]);

        const quarter = await insightsOf(A(), 90);
        expect(quarter.daily).toHaveLength(90);
        expect(quarter.from).toBe(utcDay(-89));
        expect(nonZeroDays(quarter.daily)[utcDay(-40)]).toEqual({ ...zero, newFollowers: 1 });
        expect(quarter.totals).toEqual({ cruds: 3, likes: 2, reposts: 1, replies: 1, newFollowers: 3, unfollows: 1 });
        expect((await insightsOf(A(), 30)).totals).toEqual({ cruds: 3, likes: 2, reposts: 1, replies: 1, newFollowers: 2, unfollows: 1 });
      });

      it('gives anyone, guests included, a hashtag’s daily use', async () => {
        const expected = [-6, -5, -4, -3, -2, -1, 0].map((d) => ({ date: utcDay(d), count: d === -3 ? 1 : d === 0 ? 2 : 0 }));
        expect((await ok(guestOp, HISTORY, { tag: '#Insights' })).hashtagHistory).toEqual(expected);
        expect((await ok(B(), HISTORY, { tag: 'insights', days: 7 })).hashtagHistory).toEqual(expected);
        expect((await ok(guestOp, HISTORY, { tag: 'insights', days: 3 })).hashtagHistory).toEqual(expected.slice(4));
        expect((await ok(guestOp, HISTORY, { tag: 'nothing', days: 90 })).hashtagHistory.filter((d: { count: number }) => d.count > 0)).toEqual([]);
        const bad = await guestOp(HISTORY, { tag: 'insights', days: 91 });
        expect(bad.errors?.[0]).toMatchObject({ errorType: 'ValidationError', message: 'days must be between 1 and 90' });
      });

      it('never shows one user another’s Insights', async () => {
        const b = await insightsOf(B(), 90);
        expect(b.totals).toEqual(zero);
        expect(b.topCruds.map((c: { crudId: string }) => c.crudId)).not.toContain(crud.c1);
        expect(b.hashtags).toEqual([]);
        const asking = await B()(`{ myInsights(days: 7, userId: "${ids.andrewbrown}") { totals { likes } } }`);
        expect(asking.errors?.[0]?.message).toMatch(/UnknownArgument: Unknown field argument userId/);
        const guest = await guestOp('{ myInsights(days: 7) { totals { likes } } }');
        expect(guest.data?.myInsights ?? null).toBeNull();
        expect(guest.errors?.[0]?.errorType).toBe('Unauthorized');
        const wrong = await A()(INSIGHTS, { days: 14 });
        expect(wrong.errors?.[0]).toMatchObject({ errorType: 'ValidationError', message: 'days must be 7, 30 or 90' });
      });
    });
  });
}
