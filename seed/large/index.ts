/**
 * The large fixture: a plan (plan.ts) turned into items (items.ts) and bulk-loaded into the
 * stack's table (`dynamo.importItems`: no stream records, like DynamoDB's import from S3), while
 * the accounts that can sign in are created in the local Cognito pool in parallel. Used by
 * `cruddur-local start --seed large` and by the benchmarks. See decision 025.
 */
import { randomUUID } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { fanoutSettingsFrom } from '../../definitions/fanout.ts';
import { functions } from '../../definitions/functions.ts';
import { handleKey } from '../../definitions/keys.ts';
import type { CognitoHandle } from '../../local/src/cognito/index.ts';
import type { DynamoStack } from '../../local/src/dynamodb/index.ts';
import { assignIds, fixtureItems, type FixtureIds } from './items.ts';
import { FIXTURE_PASSWORD, LARGE, makePlan, userHandle, type FixtureSize, type Plan } from './plan.ts';

export { FIXTURE_PASSWORD, LARGE, makePlan, userEmail, userHandle, type FixtureSize, type Plan } from './plan.ts';

export interface BuildOptions {
  size?: FixtureSize;
  /** How many accounts (from index 0, the celebrity) get a Cognito user; default all of them. */
  signInUsers?: number;
  /** A plan made elsewhere (tests); default `makePlan(size)`. */
  plan?: Plan;
  /** Subs for the plan's users (tests that created the users already); default new UUIDs. */
  subs?: string[];
}

export interface BuildSummary {
  /** False when the table already held the fixture (its celebrity's handle is claimed). */
  built: boolean;
  items: number;
  /** Items per `type` (profiles and handle claims, which have none, as PROFILE and HANDLE). */
  byType: Record<string, number>;
  cognitoUsers: number;
  /** Wall-clock times, and the process's CPU time for the whole build (steadier on a busy machine). */
  ms: { plan: number; items: number; cognito: number; total: number; cpu: number };
  plan: Plan;
  ids?: FixtureIds;
}

type Stack = {
  dynamo: Pick<DynamoStack, 'client' | 'tableName' | 'importItems'>;
  cognito: Pick<CognitoHandle, 'importUsers'>;
  /** The stack's function configurations: the fan-out consumer's thresholds (default: the deployed ones). */
  functionEnv?: { named(name: string): Record<string, string | undefined> };
};

/** Builds the fixture into `stack` unless it is already there. */
export async function buildLargeFixture(stack: Stack, options: BuildOptions = {}): Promise<BuildSummary> {
  const began = performance.now();
  const cpu = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000;
  };
  const size = options.size ?? LARGE;
  const existing = await stack.dynamo.client.send(
    new GetItemCommand({ TableName: stack.dynamo.tableName, Key: marshall(handleKey(userHandle(0).toLowerCase())), ConsistentRead: true }),
  );
  const plan = options.plan ?? makePlan(size);
  const planned = performance.now();
  const empty = { items: 0, byType: {}, cognitoUsers: 0 };
  if (existing.Item && !options.plan) return { built: false, ...empty, ms: { plan: planned - began, items: 0, cognito: 0, total: performance.now() - began, cpu: cpuMs() }, plan };

  const subs = options.subs ?? plan.users.map(() => randomUUID());
  const signIn = plan.users.slice(0, options.signInUsers ?? plan.users.length).flatMap((u, i) =>
    u.email ? [{ sub: subs[i], email: u.email, password: FIXTURE_PASSWORD, attributes: { name: u.name, preferred_username: u.handle } }] : [],
  );
  // Password hashing runs on the thread pool while the main thread builds and writes items.
  let cognitoMs = 0;
  const users = stack.cognito.importUsers(signIn).then(() => (cognitoMs = performance.now() - planned));
  users.catch(() => undefined);

  const ids = assignIds(plan, subs);
  const byType: Record<string, number> = {};
  let items = 0;
  // The store writes one batch (natively, off the main thread) while the next is built.
  let writing: Promise<void> = Promise.resolve();
  // The consumer's thresholds as this stack configures it, so imported rows match what it would write.
  const settings = fanoutSettingsFrom(stack.functionEnv?.named(functions.feedFanout.name) ?? {});
  for (const batch of fixtureItems(plan, ids, settings)) {
    if (batch.length === 0) continue;
    for (const item of batch) {
      const type = item.type?.S ?? item.sk.S!;
      byType[type] = (byType[type] ?? 0) + 1;
    }
    items += batch.length;
    await writing;
    writing = stack.dynamo.importItems(batch);
  }
  await writing;
  const written = performance.now();
  await users;
  return {
    built: true,
    items,
    byType,
    cognitoUsers: signIn.length,
    ms: { plan: planned - began, items: written - planned, cognito: cognitoMs, total: performance.now() - began, cpu: cpuMs() },
    plan,
    ids,
  };
}
