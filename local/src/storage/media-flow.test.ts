/**
 * Images on cruds offline, end to end on startStack: createMediaUpload → PUT → S3 event →
 * thumbnailer (renditions, metadata stripped, status READY) → createCrud with alt text → the
 * images in reads → deleted with the crud (deleteCrud and TTL expiry); the same for a reply's
 * images (replyToCrud, shared rules). Refusals: more than four,
 * missing alt text, someone else's upload, a non-image, an unprocessed or reused upload; and a
 * corrupt avatar's refusal reaches its uploader through uploadStatus.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../../definitions/demo-users.ts';
import { callCognito } from '../cognito/client.ts';
import { startStack, type Stack } from '../stack.ts';

let stack: Stack;
const tokens: Record<string, string> = {};
const [andrew, alt] = demoUsers;

type Gql = { data: any; errors?: { errorType: string; message: string }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- fields asserted one by one
const gql = async (query: string, authorization: string, variables?: Record<string, unknown>): Promise<Gql> => {
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  return res.json() as Promise<Gql>;
};

const PRESIGN = 'mutation U($t: String!, $n: Int!) { createMediaUpload(contentType: $t, contentLength: $n) { url key headers { name value } } }';
const STATUS = 'query S($k: String!) { uploadStatus(key: $k) { key state message url } }';
const CREATE = 'mutation C($m: String!, $media: [CrudMediaInput!], $e: ExpiresIn) { createCrud(message: $m, media: $media, expiresIn: $e) { id media { url thumbnailUrl alt width height } } }';
const REPLY = 'mutation R($id: ID!, $m: String!, $media: [CrudMediaInput!]) { replyToCrud(crudId: $id, message: $m, media: $media) { id replyToId media { url thumbnailUrl alt width height } } }';

/** Presigns and PUTs `bytes` as `type`, waits for the thumbnailer; returns the key. */
async function upload(token: string, bytes: Buffer, type = 'image/jpeg', mutation = PRESIGN): Promise<string> {
  const { data, errors } = await gql(mutation, token, { t: type, n: bytes.length });
  expect(errors).toBeUndefined();
  const presigned = data.createMediaUpload ?? data.createAvatarUpload;
  const put = await fetch(presigned.url, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': type } });
  expect(put.status).toBe(200);
  await stack.storage.idle();
  return presigned.key;
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a7ab0' } })
    .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera-owner', Artist: 'gps-person' } } })
    .jpeg()
    .toBuffer();

/** Backdates a crud's expiresAt and runs the TTL sweeper, as DynamoDB TTL would in time. */
async function expireNow(crudId: string): Promise<void> {
  await stack.dynamo.client.send(
    new UpdateItemCommand({
      TableName: stack.dynamo.tableName,
      Key: { pk: { S: `CRUD#${crudId}` }, sk: { S: 'CRUD' } },
      UpdateExpression: 'SET expiresAt = :past',
      ExpressionAttributeValues: { ':past': { N: String(Math.floor(Date.now() / 1000) - 1) } },
    }),
  );
  await stack.dynamo.ttl.sweepNow();
}

const status = (token: string, key: string) => gql(STATUS, token, { k: key }).then((r) => r.data.uploadStatus);
const exists = async (url: string) => (await fetch(url)).status === 200;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  for (const u of [andrew, alt]) {
    const auth = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(stack.cognito.url, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.cognito.clientId,
      AuthParameters: { USERNAME: u.email, PASSWORD: u.password },
    });
    tokens[u.handle] = auth.AuthenticationResult.AccessToken;
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('images on cruds, offline', () => {
  it('upload → READY → crud with described images → renditions without metadata → deleted with the crud', async () => {
    const token = tokens[andrew.handle];
    const keys = [await upload(token, await photo(2400, 1200)), await upload(token, await photo(300, 500), 'image/jpeg')];
    for (const key of keys) expect(key).toMatch(/^uploads\/[0-9a-zA-Z-]+\/media\/[0-9a-f]{32}\.jpg$/);
    const ready = await status(token, keys[0]);
    expect(ready).toMatchObject({ key: keys[0], state: 'READY', message: null });
    expect(ready.url).toMatch(new RegExp(`^${stack.urls.storage}/cruddur-assets/media/[0-9a-zA-Z-]+/[0-9a-f]{32}/1600\\.webp$`));

    const { data, errors } = await gql(CREATE, token, { m: 'two pictures', media: keys.map((key, i) => ({ key, alt: `  picture ${i + 1}  ` })) });
    expect(errors).toBeUndefined();
    const media = data.createCrud.media;
    expect(media.map((m: { alt: string }) => m.alt)).toEqual(['picture 1', 'picture 2']);
    // The whole picture, longest side scaled down to 1600 / 640 and never up.
    expect(media[0]).toMatchObject({ width: 1600, height: 800 });
    expect(media[1]).toMatchObject({ width: 300, height: 500 });
    for (const url of [media[0].url, media[0].thumbnailUrl]) {
      const res = await fetch(url);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(bytes.includes('secret-camera-owner')).toBe(false);
    }
    expect((await sharp(Buffer.from(await (await fetch(media[0].thumbnailUrl)).arrayBuffer())).metadata()).width).toBe(640);

    // Everyone reads the images with the crud; the upload itself is gone, its status consumed.
    const read = await gql('query R($id: ID!) { crud(id: $id) { media { url alt } } }', 'guest', { id: data.createCrud.id });
    expect(read.data.crud.media).toEqual(media.map((m: { url: string; alt: string }) => ({ url: m.url, alt: m.alt })));
    expect((await status(token, keys[0])).state).toBe('PROCESSING');
    // An upload is attached once.
    const again = await gql(CREATE, token, { m: 'reuse', media: [{ key: keys[0], alt: 'again' }] });
    expect(again.errors?.[0]?.errorType).toBe('ValidationError');

    await stack.dynamo.streams.idle();
    const del = await gql('mutation D($id: ID!) { deleteCrud(id: $id) }', token, { id: data.createCrud.id });
    expect(del.errors).toBeUndefined();
    await stack.dynamo.streams.idle();
    for (const m of media) {
      expect(await exists(m.url)).toBe(false);
      expect(await exists(m.thumbnailUrl)).toBe(false);
    }
  });

  it('deletes the images of a crud that expires (TTL)', async () => {
    const token = tokens[andrew.handle];
    const key = await upload(token, await photo(800, 600));
    const { data } = await gql(CREATE, token, { m: 'short-lived picture', media: [{ key, alt: 'a blue square' }], e: 'ONE_HOUR' });
    const [image] = data.createCrud.media;
    await stack.dynamo.streams.idle();
    expect(await exists(image.url)).toBe(true);
    await expireNow(data.createCrud.id);
    await stack.dynamo.streams.idle();
    expect(await exists(image.url)).toBe(false);
    expect(await exists(image.thumbnailUrl)).toBe(false);
  });

  it('a reply carries described images, read in the thread, deleted with the reply (deleteCrud and TTL)', async () => {
    const parent = (await gql(CREATE, tokens[andrew.handle], { m: 'show me yours' })).data.createCrud.id;
    const token = tokens[alt.handle];
    const keys = [await upload(token, await photo(900, 300)), await upload(token, await photo(200, 200))];
    const { data, errors } = await gql(REPLY, token, { id: parent, m: 'here', media: [{ key: keys[0], alt: ' wide ' }, { key: keys[1], alt: 'square' }] });
    expect(errors).toBeUndefined();
    const media = data.replyToCrud.media;
    expect(media).toMatchObject([{ alt: 'wide', width: 900, height: 300 }, { alt: 'square', width: 200, height: 200 }]);
    const thread = await gql('query T($id: ID!) { replies(crudId: $id) { items { id media { url alt } } } }', 'guest', { id: parent });
    expect(thread.data.replies.items).toEqual([{ id: data.replyToCrud.id, media: media.map((m: { url: string; alt: string }) => ({ url: m.url, alt: m.alt })) }]);
    // Attached once, to a reply or a crud alike; and only the replier's own uploads.
    expect((await gql(REPLY, token, { id: parent, m: 'again', media: [{ key: keys[0], alt: 'again' }] })).errors?.[0]?.errorType).toBe('ValidationError');
    expect((await gql(CREATE, token, { m: 'again', media: [{ key: keys[1], alt: 'again' }] })).errors?.[0]?.errorType).toBe('ValidationError');
    expect((await gql(REPLY, tokens[andrew.handle], { id: parent, m: 'theirs', media: [{ key: keys[0], alt: 'x' }] })).errors?.[0]?.errorType).toBe('Unauthorized');

    await stack.dynamo.streams.idle();
    for (const m of media) expect(await exists(m.thumbnailUrl)).toBe(true);
    expect((await gql('mutation D($id: ID!) { deleteCrud(id: $id) }', token, { id: data.replyToCrud.id })).errors).toBeUndefined();
    await stack.dynamo.streams.idle();
    for (const m of media) {
      expect(await exists(m.url)).toBe(false);
      expect(await exists(m.thumbnailUrl)).toBe(false);
    }

    const expiring = await gql(REPLY, token, { id: parent, m: 'short-lived', media: [{ key: await upload(token, await photo(120, 80)), alt: 'small' }] });
    const [image] = expiring.data.replyToCrud.media;
    await stack.dynamo.streams.idle();
    expect(await exists(image.url)).toBe(true);
    await expireNow(expiring.data.replyToCrud.id);
    await stack.dynamo.streams.idle();
    expect(await exists(image.url)).toBe(false);
    expect(await exists(image.thumbnailUrl)).toBe(false);
  });

  it('refuses more than four images, missing alt text, someone else’s upload and unprocessed keys', async () => {
    const token = tokens[andrew.handle];
    const key = await upload(token, await photo(64, 64));
    const five = Array.from({ length: 5 }, () => ({ key, alt: 'x' }));
    const tooMany = await gql(CREATE, token, { m: 'five', media: five });
    expect(tooMany.errors?.[0]).toMatchObject({ errorType: 'ValidationError', message: 'A crud can carry at most 4 images' });
    for (const alt of ['', '   ']) {
      const res = await gql(CREATE, token, { m: 'no alt', media: [{ key, alt }] });
      expect(res.errors?.[0]?.errorType).toBe('ValidationError');
      expect(res.errors?.[0]?.message).toContain('media[0].alt');
    }
    const tooLong = await gql(CREATE, token, { m: 'long alt', media: [{ key, alt: 'a'.repeat(1001) }] });
    expect(tooLong.errors?.[0]?.errorType).toBe('ValidationError');

    // Someone else's READY upload: neither attachable nor readable.
    const theirs = await upload(tokens[alt.handle], await photo(64, 64));
    const stolen = await gql(CREATE, token, { m: 'not mine', media: [{ key: theirs, alt: 'theirs' }] });
    expect(stolen.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    expect((await gql(STATUS, token, { k: theirs })).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });

    // Never uploaded (well-formed, the caller's own prefix), an avatar key, and nonsense.
    const me = (await gql('{ me { id } }', token)).data.me.id;
    const never = await gql(CREATE, token, { m: 'ghost', media: [{ key: `uploads/${me}/media/${'0'.repeat(32)}.jpg`, alt: 'ghost' }] });
    expect(never.errors?.[0]?.message).toContain('still being processed');
    for (const bad of [`uploads/${me}/${'0'.repeat(32)}.jpg`, '../etc/passwd', `uploads/${me}/media/x.gif`]) {
      expect((await gql(CREATE, token, { m: 'bad key', media: [{ key: bad, alt: 'bad' }] })).errors?.[0]?.errorType).toBe('ValidationError');
    }
    expect((await gql(STATUS, 'guest', { k: key })).errors?.[0]?.errorType).toBe('Unauthorized');
  });

  it('tells the uploader why a non-image or a corrupt image was refused, for crud images and avatars', async () => {
    const token = tokens[andrew.handle];
    const text = await upload(token, Buffer.from('this is not an image at all'), 'image/png');
    expect(await status(token, text)).toEqual({ key: text, state: 'REJECTED', message: 'This file is not an image that can be read: choose a JPEG, PNG or WebP image.', url: null });
    const refused = await gql(CREATE, token, { m: 'broken', media: [{ key: text, alt: 'text' }] });
    expect(refused.errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
    expect(refused.errors?.[0]?.message).toContain('was refused');

    // A PNG cut short: its header is fine, its pixels are not.
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#aa3300' } }).png().toBuffer();
    const avatar = await upload(token, png.subarray(0, Math.floor(png.length / 2)), 'image/png', 'mutation U($t: String!, $n: Int!) { createAvatarUpload(contentType: $t, contentLength: $n) { url key headers { name value } } }');
    expect(await status(token, avatar)).toMatchObject({ state: 'REJECTED', message: 'This image is damaged or incomplete and could not be processed.' });

    // A good avatar: READY with its URL, which is the profile's avatarUrl.
    const good = await upload(token, png, 'image/png', 'mutation U($t: String!, $n: Int!) { createAvatarUpload(contentType: $t, contentLength: $n) { url key headers { name value } } }');
    const done = await status(token, good);
    expect(done.state).toBe('READY');
    expect(done.url).toBe((await gql('{ me { avatarUrl } }', token)).data.me.avatarUrl);
  });
});
