/**
 * A GraphQL request's id reaches the stream consumers its writes trigger: on the whole offline
 * stack, a mutation over HTTP, then the `streams` delivery log line for the resulting records
 * names that request (`requestIds`) and the invocation (`lambdaRequestId`), while the Lambda event
 * itself stays DynamoDB Streams' shape.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoUsers } from '../../definitions/demo-users.ts';
import { callCognito } from './cognito/client.ts';
import { createLogger } from './observability/logger.ts';
import { startStack, type Stack } from './stack.ts';
import type { StreamRecord } from './dynamodb/index.ts';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _e, cb) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    cb();
  },
});
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: createLogger({ destination: sink, level: 'info' }) });
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

it('names the mutation request in the delivery log line of the stream batch its writes caused', async () => {
  await stack.dynamo.streams.idle();
  const author = demoUsers[1];
  const auth = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(stack.cognito.url, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.cognito.clientId,
    AuthParameters: { USERNAME: author.email, PASSWORD: author.password },
  });
  const mark = lines.length;
  const records: StreamRecord[] = [];
  const stop = stack.dynamo.streams.subscribe((r) => records.push(r));
  const res = await fetch(stack.urls.graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth.AuthenticationResult.AccessToken },
    body: JSON.stringify({ query: 'mutation P($m: String!) { createCrud(message: $m) { id } }', variables: { m: 'traced through the stream' } }),
  });
  const requestId = res.headers.get('x-amzn-requestid');
  expect(requestId).toBeTruthy();
  expect((await res.json()).data.createCrud.id).toBeTruthy();
  await stack.dynamo.streams.idle();
  stop();

  expect(records.length).toBeGreaterThan(0);
  const delivered = lines.filter((l) => l.component === 'streams' && l.msg === 'stream batch' && (l.requestIds as string[]).includes(requestId!));
  expect(delivered.length).toBeGreaterThan(0);
  // …and the Lambda invocation's id, which the handler's own Powertools lines carry as function_request_id.
  for (const l of delivered) expect(l.lambdaRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  // The fan-out Lambda's own FEED writes (for the author's seeded followers) reach the `publish`
  // consumer too; they come from a Lambda, not a GraphQL request, so that batch names none.
  const derived = lines.slice(mark).filter((l) => l.component === 'streams' && l.msg === 'stream batch' && l.consumer === 'publish' && !delivered.includes(l));
  expect(derived.length).toBeGreaterThan(0);
  expect(derived.every((l) => Array.isArray(l.requestIds) && (l.requestIds as string[]).length === 0)).toBe(true);
  // The records themselves carry nothing of it: exactly the DynamoDB Streams record fields.
  for (const r of records) {
    expect(Object.keys(r).sort()).toEqual(['awsRegion', 'dynamodb', 'eventID', 'eventName', 'eventSource', 'eventSourceARN', 'eventVersion']);
    expect(JSON.stringify(r)).not.toContain(requestId!);
  }
}, 60_000);
