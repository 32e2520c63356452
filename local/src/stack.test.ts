/**
 * The whole offline stack on ephemeral ports, in memory: seeded demo users through the local
 * Cognito, the real authorizer, engine, resolvers and store, driven over HTTP.
 */
import { Writable } from 'node:stream';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../definitions/demo-users.ts';
import { signAppSyncRequest } from './appsync/auth/testing/sigv4-client.ts';
import { callCognito } from './cognito/client.ts';
import { createLogger } from './observability/logger.ts';
import { startStack, type Stack } from './stack.ts';
import { startCollector } from './observability/testing/otlp-collector.ts';

/** The key pair the offline stack once shipped in its source, and a stand-in for a developer's real key. */
const OLD_KEY = { accessKeyId: 'AKIACRUDDURLOCAL0001', secretAccessKey: 'cruddur-local-secret' };
const DEVELOPER_KEY = { accessKeyId: 'AKIADEVELOPERREAL001', secretAccessKey: 'developer-real-secret-key-0000000000000' };

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _e, cb) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    cb();
  },
});
let stack: Stack;
let startLog = '';
let collector: Awaited<ReturnType<typeof startCollector>>;

beforeAll(async () => {
  // Spans are exported only with an OTLP endpoint; this file's process gets one.
  collector = await startCollector();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.endpoint;
  process.env.OTEL_BSP_SCHEDULE_DELAY = '100';
  // A developer's own AWS key in the environment must neither become the stack's key nor be accepted.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: DEVELOPER_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: DEVELOPER_KEY.secretAccessKey, AWS_SESSION_TOKEN: 'developer-session' });
  stack = await startStack({ ports: {}, seed: true, log: createLogger({ destination: sink, level: 'info' }) });
  startLog = JSON.stringify(lines);
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await collector?.close();
});

const gql = (query: string, headers: Record<string, string>, variables?: Record<string, unknown>) =>
  fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });

async function accessToken(email: string, password: string): Promise<string> {
  const res = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(stack.cognito.url, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.cognito.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return res.AuthenticationResult.AccessToken;
}

describe('offline stack', () => {
  it('reports endpoints and outputs for the Amplify client', () => {
    expect(stack.urls.graphql).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    expect(stack.urls.realtime).toBe(stack.urls.graphql.replace('http://', 'wss://') + '/realtime');
    expect(stack.outputs.data).toMatchObject({ url: stack.urls.graphql, default_authorization_type: 'AWS_LAMBDA', authorization_types: ['AWS_IAM'] });
    expect(stack.outputs.auth).toMatchObject({ user_pool_id: stack.cognito.userPoolId, user_pool_client_id: stack.cognito.clientId });
  });

  it('serves a public query to a guest through the real Lambda authorizer', async () => {
    const res = await gql('query U($h: String!) { user(handle: $h) { handle displayName } }', { authorization: 'guest' }, { h: demoUsers[0].handle });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { user: { handle: demoUsers[0].handle, displayName: demoUsers[0].name } } });
  });

  it('authenticates a seeded user with a local Cognito access token', async () => {
    const token = await accessToken(demoUsers[0].email, demoUsers[0].password);
    const res = await gql('{ me { handle } }', { authorization: token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: { handle: demoUsers[0].handle } } });
  });

  it('runs mutations through pipelines and stream consumers: follow, post, then the home feed', async () => {
    const [reader, author] = [demoUsers[2], demoUsers[3]];
    const readerToken = await accessToken(reader.email, reader.password);
    const authorToken = await accessToken(author.email, author.password);
    const follow = await gql('mutation F($h: String!) { follow(handle: $h) { handle } }', { authorization: readerToken }, { h: author.handle });
    expect(await follow.json()).toEqual({ data: { follow: { handle: author.handle } } });
    const post = await gql('mutation P($m: String!) { createCrud(message: $m) { id author { handle } } }', { authorization: authorToken }, { m: 'hello from the stack test' });
    const created = (await post.json()).data.createCrud;
    expect(created.author.handle).toBe(author.handle);
    await stack.dynamo.streams.idle();
    const feed = await gql('{ homeFeed(limit: 5) { items { crud { id message author { handle } } } } }', { authorization: readerToken });
    expect((await feed.json()).data.homeFeed.items[0].crud).toEqual({ id: created.id, message: 'hello from the stack test', author: { handle: author.handle } });
  });

  it('exports request → resolver → data-source spans in one trace when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    const res = await gql('query Me { me { handle } }', { authorization: await accessToken(demoUsers[0].email, demoUsers[0].password) });
    const id = res.headers.get('x-amzn-requestid');
    await res.text();
    await expect.poll(() => collector.spans.find((s) => s.name === 'graphql.request' && s.attributes['appsync.request_id'] === id), { timeout: 10_000 }).toBeTruthy();
    const request = collector.spans.find((s) => s.attributes['appsync.request_id'] === id && s.name === 'graphql.request')!;
    expect(request.attributes).toMatchObject({ 'graphql.operation.name': 'Me', 'appsync.auth_mode': 'AWS_LAMBDA', 'http.response.status_code': 200 });
    // request → resolver Query.me → datasource table, linked by parent span ids.
    await expect.poll(() => collector.spans.find((s) => s.parentSpanId === request.spanId && s.name === 'resolver Query.me'), { timeout: 10_000 }).toBeTruthy();
    const resolver = collector.spans.find((s) => s.parentSpanId === request.spanId && s.name === 'resolver Query.me')!;
    expect(resolver).toMatchObject({ traceId: request.traceId, attributes: { 'graphql.type': 'Query', 'graphql.field': 'me', 'appsync.data_source': 'table' } });
    await expect.poll(() => collector.spans.find((s) => s.parentSpanId === resolver.spanId), { timeout: 10_000 }).toMatchObject({
      name: 'datasource table',
      traceId: request.traceId,
      attributes: { 'appsync.field': 'Query.me', 'appsync.datasource.type': 'AMAZON_DYNAMODB' },
    });
  });

  it('rejects missing and wrong credentials with AppSync 401s', async () => {
    expect((await gql('{ me { handle } }', {})).status).toBe(401);
    const forged = (await accessToken(demoUsers[1].email, demoUsers[1].password)).replace(/.{4}$/, 'AAAA');
    expect((await gql('{ me { handle } }', { authorization: forged })).status).toBe(401);
  });

  it('accepts IAM-signed requests with the local credential', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const host = new URL(stack.urls.graphql).host;
    const headers = await signAppSyncRequest({ host, path: '/graphql', body, ...stack.iamCredential });
    const res = await fetch(stack.urls.graphql, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses publish mutations signed with the once hard-coded key or the developer\'s own key', async () => {
    const body = JSON.stringify({
      query: 'mutation P($input: PublishMessageInput!) { publishMessage(input: $input) { id body } }',
      variables: { input: { id: 'm1', recipientId: 'alice', conversationId: 'c1', senderId: 'bob', body: 'forged', createdAt: '2026-01-01T00:00:00.000Z' } },
    });
    const host = new URL(stack.urls.graphql).host;
    const send = async (key: { accessKeyId: string; secretAccessKey: string }) =>
      fetch(stack.urls.graphql, { method: 'POST', headers: await signAppSyncRequest({ host, path: '/graphql', body, ...key }), body });
    for (const key of [OLD_KEY, DEVELOPER_KEY]) {
      const res = await send(key);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ errors: [{ errorType: 'UnrecognizedClientException' }] });
    }
    expect(stack.iamCredential.accessKeyId).not.toBe(DEVELOPER_KEY.accessKeyId);
    const genuine = await send(stack.iamCredential);
    expect(await genuine.json()).toEqual({ data: { publishMessage: { id: 'm1', body: 'forged' } } });
  });

  it('refuses storage PUTs signed with the once hard-coded key', async () => {
    const put = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
      const s3 = new S3Client({ region: stack.dynamo.region, endpoint: stack.storage.endpoint, forcePathStyle: true, credentials, maxAttempts: 1 });
      return s3.send(new PutObjectCommand({ Bucket: stack.storage.bucketNames.AssetsBucket, Key: 'avatars/forged.jpg', Body: 'x', ContentType: 'image/jpeg' })).finally(() => s3.destroy());
    };
    await expect(put(OLD_KEY)).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    await expect(put(DEVELOPER_KEY)).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    await expect(put(stack.iamCredential)).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });

  it('hands the key to in-process Lambdas through their own environment, without a stray session token', () => {
    for (const name of ['feed-fanout', 'publish', 'thumbnail', 'authorizer']) {
      const env = stack.functionEnv.named(name);
      expect(env).toMatchObject({ AWS_ACCESS_KEY_ID: stack.iamCredential.accessKeyId, AWS_SECRET_ACCESS_KEY: stack.iamCredential.secretAccessKey });
      expect(env.AWS_SESSION_TOKEN).toBeUndefined();
    }
    // The server's own environment is left as it was: no function's variables leak into it.
    expect(process.env.AWS_ACCESS_KEY_ID).not.toBe(stack.iamCredential.accessKeyId);
    expect(process.env.TABLE_NAME).toBeUndefined();
    expect(process.env.APPSYNC_URL).toBeUndefined();
  });

  it("gives each function exactly the variables it declares, valued from this stack (the API URL once it listens)", () => {
    expect(stack.functionEnv.named('publish')).toMatchObject({ APPSYNC_URL: stack.urls.graphql, TABLE_NAME: stack.dynamo.tableName });
    expect(stack.functionEnv.named('feed-fanout')).toMatchObject({ ASSETS_BUCKET: stack.storage.bucketNames.AssetsBucket, TABLE_NAME: stack.dynamo.tableName });
    expect(stack.functionEnv.named('feed-fanout').APPSYNC_URL).toBeUndefined();
    expect(stack.functionEnv.named('avatar-upload').TABLE_NAME).toBeUndefined();
    // Tunables at the defaults the CDK deploys; the declared memory, as the runtime reports it.
    expect(stack.functionEnv.named('feed-fanout')).toMatchObject({ FANOUT_PULL_AT: '5000', FANOUT_PUSH_AT: '4000', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512' });
    expect(stack.functionEnv.named('authorizer')).toMatchObject({ USER_TTL_SECONDS: '60' });
    expect(stack.functionEnv.named('thumbnail').AWS_LAMBDA_FUNCTION_MEMORY_SIZE).toBe('1536');
    // The developer's session token set before start (above) is simply not there: nothing of the host is.
    expect(stack.functionEnv.named('publish').OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('never logs the credential while starting', () => {
    expect(startLog.length).toBeGreaterThan(100);
    expect(startLog).not.toContain(stack.iamCredential.secretAccessKey);
    expect(startLog).not.toContain(stack.iamCredential.accessKeyId);
  });

  it('serves the explorer and logs each request with its id', async () => {
    expect(await (await fetch(stack.urls.explorer)).text()).toContain('explorer-config');
    const res = await gql('query Probe { __typename }', { authorization: 'guest' });
    const id = res.headers.get('x-amzn-requestid');
    await res.text();
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.find((l) => l.requestId === id && l.msg === 'graphql request')).toMatchObject({ operationName: 'Probe', authMode: 'AWS_LAMBDA', status: 200, errorCount: 0 });
  });
});
