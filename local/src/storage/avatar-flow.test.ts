/**
 * The avatar pipeline offline, end to end on startStack: createAvatarUpload (Lambda data source)
 * → browser-style PUT to the presigned URL → S3 event → thumbnail Lambda → renditions in the
 * assets bucket → `me { avatarUrl }` and a live onUserChanged event for a guest watching.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../../definitions/demo-users.ts';
import { callCognito } from '../cognito/client.ts';
import { RealtimeClient } from '../../../scenarios/testing/subscriber.ts';
import { startStack, type Stack } from '../stack.ts';

let stack: Stack;
let token: string;
const user = demoUsers[0];

const gql = async (query: string, authorization: string, variables?: Record<string, unknown>) => {
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response data is asserted field by field below
  return res.json() as Promise<{ data: any; errors?: { errorType: string; message: string }[] }>;
};

const CREATE = `mutation U($t: String!, $n: Int!) { createAvatarUpload(contentType: $t, contentLength: $n) { url key expiresAt headers { name value } } }`;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  const auth = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(stack.cognito.url, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.cognito.clientId,
    AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
  });
  token = auth.AuthenticationResult.AccessToken;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('avatar upload, offline', () => {
  it('mutation → PUT → event → renditions → profile, pushed live', async () => {
    const me = (await gql('{ me { id avatarUrl } }', token)).data.me;
    expect(me.avatarUrl).toBeNull();
    const watcher = await RealtimeClient.connect(stack.urls.graphql, 'guest');
    const changes = await watcher.subscribe('subscription W($id: ID!) { onUserChanged(id: $id) { id handle avatarUrl } }', { id: me.id });

    const image = await sharp({ create: { width: 900, height: 700, channels: 3, background: '#3d0d7b' } }).png().toBuffer();
    const { data, errors } = await gql(CREATE, token, { t: 'image/png', n: image.length });
    expect(errors).toBeUndefined();
    const upload = data.createAvatarUpload;
    expect(upload.key).toMatch(new RegExp(`^uploads/${me.id}/[0-9a-f]{32}\\.png$`));
    expect(upload.url.startsWith(`${stack.urls.storage}/cruddur-uploads/${upload.key}?`)).toBe(true);
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeGreaterThan(200_000);
    expect(upload.headers).toEqual([
      { name: 'Content-Type', value: 'image/png' },
      { name: 'Content-Length', value: String(image.length) },
    ]);

    // What the browser does: PUT with the signed Content-Type from the web app's origin.
    const put = await fetch(upload.url, { method: 'PUT', body: new Uint8Array(image), headers: { 'content-type': 'image/png', origin: 'http://localhost:5173' } });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');

    await stack.storage.idle();
    const after = (await gql('{ me { avatarUrl } }', token)).data.me.avatarUrl as string;
    expect(after).toMatch(new RegExp(`^${stack.urls.storage}/cruddur-assets/avatars/${me.id}/[0-9a-f]{64}/512\\.webp$`));
    for (const [size, ext] of [[512, 'webp'], [512, 'jpg'], [128, 'webp'], [128, 'jpg']] as const) {
      const res = await fetch(after.replace('512.webp', `${size}.${ext}`));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect([meta.width, meta.height]).toEqual([size, size]);
    }
    // The upload is gone; the public profile shows the new avatar too.
    expect((await fetch(upload.url.split('?')[0])).status).toBe(403);
    expect((await gql('query P($h: String!) { user(handle: $h) { avatarUrl } }', 'guest', { h: user.handle })).data.user.avatarUrl).toBe(after);

    await stack.dynamo.streams.idle();
    expect(await changes.next(10_000)).toEqual({ id: me.id, handle: user.handle, avatarUrl: after });
    watcher.close();
  });

  it('refuses guests, other types and oversize uploads before signing anything', async () => {
    expect((await gql(CREATE, 'guest', { t: 'image/png', n: 100 })).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    expect((await gql(CREATE, token, { t: 'image/gif', n: 100 })).errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
    expect((await gql(CREATE, token, { t: 'image/png', n: 5 * 1024 * 1024 + 1 })).errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
    expect((await gql(CREATE, token, { t: 'image/png', n: 0 })).errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
  });

  it('a presigned URL does not stretch to a bigger file: storage refuses it and nothing changes', async () => {
    const { data } = await gql(CREATE, token, { t: 'image/jpeg', n: 1000 });
    const res = await fetch(data.createAvatarUpload.url, { method: 'PUT', body: Buffer.alloc(6 * 1024 * 1024, 1), headers: { 'content-type': 'image/jpeg' } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});
