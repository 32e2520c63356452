/**
 * Plays a fixture plan through the public API, as people would: every account signs up through
 * Cognito (SignUp + ConfirmSignUp, so PostConfirmation writes the profile), then follows, posts,
 * replies, likes, reposts and writes messages with GraphQL mutations in the plan's order, and the
 * stream consumers derive the rest. The reference the bulk builder is compared with.
 */
import { seedDemoUsers } from '../../../local/src/cognito/seed.ts';
import type { Stack } from '../../../local/src/stack.ts';
import { createSeedApi } from '../../api.ts';
import { FIXTURE_PASSWORD, userEmail, type Plan } from '../plan.ts';

async function must<T>(res: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
  const r = await res;
  if (r.errors?.length || !r.data) throw new Error(`plan step failed: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** Returns the subs the users got, by plan index. */
export async function playThroughApi(stack: Stack, plan: Plan): Promise<string[]> {
  const users = plan.users.map((u) => ({ handle: u.handle, name: u.name, email: u.email ?? userEmail(u.handle), password: FIXTURE_PASSWORD }));
  await seedDemoUsers(stack.cognito, users);
  const api = createSeedApi({ graphqlUrl: stack.urls.graphql, cognitoUrl: stack.cognito.url, clientId: stack.cognito.clientId, users });
  const as = (i: number) => api.asUser(plan.users[i].handle);
  const subs: string[] = [];
  for (const [i] of plan.users.entries()) subs.push((await must<{ me: { id: string } }>(as(i)('{ me { id } }'))).me.id);

  for (const f of plan.follows) await must(as(f.follower)('mutation($h: String!) { follow(handle: $h) { id } }', { h: plan.users[f.followee].handle }));
  const ids: string[] = [];
  for (const c of plan.cruds) {
    const data =
      c.replyTo === undefined
        ? (await must<{ createCrud: { id: string } }>(as(c.author)('mutation($m: String!, $e: ExpiresIn) { createCrud(message: $m, expiresIn: $e) { id } }', { m: c.message, e: c.expiresIn }))).createCrud
        : (await must<{ replyToCrud: { id: string } }>(as(c.author)('mutation($id: ID!, $m: String!) { replyToCrud(crudId: $id, message: $m) { id } }', { id: ids[c.replyTo], m: c.message }))).replyToCrud;
    ids.push(data.id);
  }
  for (const l of plan.likes) await must(as(l.user)('mutation($id: ID!) { likeCrud(id: $id) { id } }', { id: ids[l.crud] }));
  for (const r of plan.reposts) await must(as(r.user)('mutation($id: ID!) { repostCrud(id: $id) { id } }', { id: ids[r.crud] }));
  for (const c of plan.conversations) {
    for (const m of c.messages) {
      const [from, to] = m.from === 0 ? [c.a, c.b] : [c.b, c.a];
      await must(as(from)('mutation($to: String, $b: String!) { sendMessage(toHandle: $to, body: $b) { id } }', { to: plan.users[to].handle, b: m.body }));
    }
  }
  await stack.dynamo.streams.idle();
  return subs;
}
