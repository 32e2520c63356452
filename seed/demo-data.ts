/**
 * Demo content for `npm start`, written through the GraphQL API as the demo users (the path users
 * take, so fan-out, notifications and counters happen exactly as they would for them): follows
 * between the original's cast, cruds with hashtags and mentions, likes, a repost, replies, and the
 * andrewbrown ↔ bayko conversation. Runs once: if andrewbrown already has cruds it does nothing.
 */
import type { Operation, SeedApi } from './api.ts';
import { demoDialogue } from './dialogue.ts';

export interface SeedSummary {
  skipped: boolean;
  cruds: number;
  follows: number;
  likes: number;
  replies: number;
  messages: number;
}

const FOLLOWS: [string, string][] = [
  ['andrewbrown', 'bayko'],
  ['andrewbrown', 'altbrown'],
  ['bayko', 'andrewbrown'],
  ['altbrown', 'andrewbrown'],
  ['londo', 'andrewbrown'],
  ['londo', 'bayko'],
];

const CRUDS: { as: string; message: string; expiresIn?: string }[] = [
  { as: 'andrewbrown', message: 'This was imported as seed data! Welcome to #cruddur, the #serverless micro-blog.', expiresIn: 'THIRTY_DAYS' },
  { as: 'altbrown', message: 'I am the other! @andrewbrown and I are not the same person. #cloud', expiresIn: 'THIRTY_DAYS' },
  { as: 'bayko', message: 'Messages, likes and feeds all arrive live now. #appsync #cloud', expiresIn: 'SEVEN_DAYS' },
  { as: 'londo', message: 'Ah, @bayko, @andrewbrown: a crud that forgets itself. How very civilised. #cloud', expiresIn: 'THREE_DAYS' },
  { as: 'andrewbrown', message: 'The AWS Cloud Project Bootcamp, rebuilt in TypeScript end to end. #bootcamp #cloud', expiresIn: 'ONE_DAY' },
];

const CREATE = 'mutation C($m: String!, $e: ExpiresIn) { createCrud(message: $m, expiresIn: $e) { id } }';
const FOLLOW = 'mutation F($h: String!) { follow(handle: $h) { id } }';
const LIKE = 'mutation L($id: ID!) { likeCrud(id: $id) { id } }';
const REPOST = 'mutation R($id: ID!) { repostCrud(id: $id) { id } }';
const REPLY = 'mutation Y($id: ID!, $m: String!) { replyToCrud(crudId: $id, message: $m) { id } }';
const SEND = 'mutation S($c: ID, $to: String, $b: String!) { sendMessage(conversationId: $c, toHandle: $to, body: $b) { id conversationId } }';
const HAS_CRUDS = 'query H($h: String!) { userCruds(handle: $h, limit: 1) { items { id } } }';

async function must<T>(op: Operation, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await op<T>(query, variables);
  if (res.errors?.length || !res.data) throw new Error(`seed: ${query.split('(')[0]} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export async function seedDemoData(api: SeedApi): Promise<SeedSummary> {
  const summary: SeedSummary = { skipped: false, cruds: 0, follows: 0, likes: 0, replies: 0, messages: 0 };
  const existing = await must<{ userCruds: { items: unknown[] } }>(api.asUser('andrewbrown'), HAS_CRUDS, { h: 'andrewbrown' });
  if (existing.userCruds.items.length > 0) return { ...summary, skipped: true };

  for (const [who, whom] of FOLLOWS) {
    await must(api.asUser(who), FOLLOW, { h: whom });
    summary.follows += 1;
  }
  const ids: string[] = [];
  for (const c of CRUDS) {
    const data = await must<{ createCrud: { id: string } }>(api.asUser(c.as), CREATE, { m: c.message, e: c.expiresIn ?? null });
    ids.push(data.createCrud.id);
    summary.cruds += 1;
  }
  const likes: [string, number][] = [
    ['bayko', 0],
    ['altbrown', 0],
    ['londo', 0],
    ['andrewbrown', 2],
    ['londo', 2],
    ['andrewbrown', 3],
  ];
  for (const [who, i] of likes) {
    await must(api.asUser(who), LIKE, { id: ids[i] });
    summary.likes += 1;
  }
  await must(api.asUser('bayko'), REPOST, { id: ids[4] });
  const replies: [string, number, string][] = [
    ['bayko', 0, 'Glad to be here. The feed updated before I finished reading.'],
    ['andrewbrown', 0, 'That is the point. @bayko, check your notifications.'],
    ['bayko', 4, 'Replies finally count towards the crud. Small victories. #bootcamp'],
  ];
  for (const [who, i, m] of replies) {
    await must(api.asUser(who), REPLY, { id: ids[i], m });
    summary.replies += 1;
  }
  let conversationId: string | null = null;
  for (const line of demoDialogue) {
    const to = line.from === 'andrewbrown' ? 'bayko' : 'andrewbrown';
    const data: { sendMessage: { conversationId: string } } = await must(
      api.asUser(line.from),
      SEND,
      conversationId ? { c: conversationId, to: null, b: line.body } : { c: null, to, b: line.body },
    );
    conversationId = data.sendMessage.conversationId;
    summary.messages += 1;
  }
  return summary;
}
