/**
 * The web app's GraphQL layer (src/lib/graphql/client.ts) and config (src/config/) against the real
 * offline stack, through the real aws-amplify v6 client — the same calls the generated hooks make.
 * Node 20 has no global WebSocket, so `ws`'s is installed as a Node user of Amplify would, and the
 * browser adapter (ws:// for an http:// endpoint) is installed exactly as src/main.tsx does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { signIn, signOut, fetchAuthSession } from 'aws-amplify/auth';
import { startStack, type Stack } from '../../../../local/src/stack.ts';
import { installRealtimeWsAdapter } from '../../../../local/src/appsync/realtime/browser-ws-adapter.ts';
import { demoUsers } from '../../../../definitions/demo-users.ts';
import { validateOutputs } from '../../config/outputs.ts';
import { configureAmplify } from '../../config/configure-amplify.ts';
import { currentAuthToken, execute, GUEST_TOKEN, subscribe } from './client.ts';
import { ApiError } from './errors.ts';
import { CreateCrudDocument, HomeFeedDocument, MeDocument, OnFeedItemDocument, PublicFeedDocument } from '../../graphql/operations.ts';
import type { OnFeedItemSubscription } from '../../graphql/types.ts';

const g = globalThis as { WebSocket?: unknown };
const originalWebSocket = g.WebSocket;
let stack: Stack;
let uninstall = () => {};

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  const result = validateOutputs(stack.outputs);
  if (!result.ok) throw new Error(result.errors.join('; '));
  g.WebSocket = WsWebSocket;
  uninstall = installRealtimeWsAdapter(result.config.graphqlUrl, g as never);
  configureAmplify(stack.outputs, result.config);
}, 120_000);

afterAll(async () => {
  await signOut().catch(() => undefined);
  uninstall();
  g.WebSocket = originalWebSocket;
  await stack?.close();
});

describe('web GraphQL layer against the offline stack', () => {
  it('validates the outputs the stack writes', () => {
    const r = validateOutputs(stack.outputs);
    expect(r.ok && r.config.cognitoEndpoint).toBe(stack.urls.cognito);
    expect(r.ok && r.config.defaultAuthType).toBe('AWS_LAMBDA');
  });

  it('sends `guest` when signed out: public reads work, private ones fail as ApiError', async () => {
    expect(await currentAuthToken()).toBe(GUEST_TOKEN);
    const feed = await execute(PublicFeedDocument, { limit: 5 });
    expect(Array.isArray(feed.publicFeed.items)).toBe(true);
    const denied = await execute(HomeFeedDocument, { limit: 5 }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(ApiError);
    expect((denied as ApiError).errorType).toMatch(/Unauthorized/);
  });

  it('signs in with SRP through the local Cognito and sends the access token', async () => {
    const bayko = demoUsers.find((u) => u.handle === 'bayko')!;
    const { isSignedIn } = await signIn({ username: bayko.email, password: bayko.password });
    expect(isSignedIn).toBe(true);
    const token = await currentAuthToken();
    expect(token).toBe((await fetchAuthSession()).tokens?.accessToken.toString());
    const { me } = await execute(MeDocument, {});
    expect(me.handle).toBe('bayko');
  });

  it('reports validation errors with their errorType and writes nothing', async () => {
    const err = await execute(CreateCrudDocument, { message: 'x'.repeat(241) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).errorType).toBe('ValidationError');
  });

  it('delivers the viewer’s own new crud on onFeedItem with every field the feed renders', async () => {
    const { me } = await execute(MeDocument, {});
    const events: OnFeedItemSubscription[] = [];
    const errors: ApiError[] = [];
    const stop = subscribe(OnFeedItemDocument, { recipientId: me.id }, await currentAuthToken(), {
      next: (d) => events.push(d),
      error: (e) => errors.push(e),
    });
    try {
      // Amplify acks the subscription asynchronously; give the start_ack a moment before publishing.
      await new Promise((r) => setTimeout(r, 1500));
      const { createCrud } = await execute(CreateCrudDocument, { message: `from the web layer test ${Date.now()}`, expiresIn: 'ONE_HOUR' });
      const deadline = Date.now() + 15_000;
      while (!events.some((e) => e.onFeedItem?.crud.id === createCrud.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(errors).toEqual([]);
      const item = events.find((e) => e.onFeedItem?.crud.id === createCrud.id)?.onFeedItem;
      expect(item?.reason).toBe('OWN');
      expect(item?.crud.author.handle).toBe('bayko');
      expect(item?.crud.message).toBe(createCrud.message);
      expect(item?.crud.expiresAt).toBe(createCrud.expiresAt);
    } finally {
      stop();
    }
  });
});
