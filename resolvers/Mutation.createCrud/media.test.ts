/** createCrud's images: the checks before anything is read, the status read, and the consuming write. */
import { describe, expect, it } from 'vitest';
import { N, run, S, TABLE, user } from '../lib/testing/evaluate.ts';

const PIPELINE = 'Mutation.createCrud/resolver.ts';
const UPLOADS = 'Mutation.createCrud/1.uploads.[table].ts';
const WRITE = 'Mutation.createCrud/2.write.[table].ts';
const id = (n: number) => n.toString(16).padStart(32, '0');
const key = (owner: string, n: number) => `uploads/${owner}/media/${id(n)}.jpg`;
const later = Math.floor(Date.now() / 1000) + 3600;

describe('createCrud with images: input checks', () => {
  it('accepts up to four of the caller’s own uploads with alt text, trimmed, in order', async () => {
    const media = [1, 2, 3, 4].map((n) => ({ key: key('u1', n), alt: ` image ${n} ` }));
    const ev = await run(PIPELINE, 'request', { args: { message: 'hi', media }, identity: user('u1') });
    expect(ev.error).toBeUndefined();
    expect(ev.stash.media).toEqual([1, 2, 3, 4].map((n) => ({ upload: { userId: 'u1', uploadId: id(n), purpose: 'media' }, alt: `image ${n}` })));
  });

  it.each([
    ['five images', [1, 2, 3, 4, 5].map((n) => ({ key: key('u1', n), alt: 'x' })), 'ValidationError'],
    ['a missing alt text', [{ key: key('u1', 1), alt: '' }], 'ValidationError'],
    ['a blank alt text', [{ key: key('u1', 1), alt: ' \n ' }], 'ValidationError'],
    ['an alt text over 1,000 characters', [{ key: key('u1', 1), alt: 'é'.repeat(1001) }], 'ValidationError'],
    ['someone else’s upload', [{ key: key('u2', 1), alt: 'x' }], 'Unauthorized'],
    ['an avatar upload', [{ key: `uploads/u1/${id(1)}.jpg`, alt: 'x' }], 'ValidationError'],
    ['a key outside uploads/', [{ key: `media/u1/${id(1)}/1600.webp`, alt: 'x' }], 'ValidationError'],
    ['a path-traversal key', [{ key: `uploads/u1/media/../../${id(1)}.jpg`, alt: 'x' }], 'ValidationError'],
    ['the same image twice', [{ key: key('u1', 1), alt: 'x' }, { key: key('u1', 1), alt: 'y' }], 'ValidationError'],
  ])('refuses %s before reading or writing anything', async (_name, media, errorType) => {
    const ev = await run(PIPELINE, 'request', { args: { message: 'hi', media }, identity: user('u1') });
    expect(ev.error?.errorType).toBe(errorType);
  });

  it('reads nothing when no image is attached', async () => {
    const ev = await run(UPLOADS, 'request', { stash: { media: [] } });
    expect(ev.earlyReturn).toBeDefined();
  });
});

describe('createCrud with images: the thumbnailer’s outcome', () => {
  const stash = () => ({ media: [{ upload: { userId: 'u1', uploadId: id(1) }, alt: 'a cat' }] });
  const result = (item: Record<string, unknown> | null) => ({ data: { [TABLE]: [item] } });

  it('reads each status consistently', async () => {
    const ev = await run(UPLOADS, 'request', { stash: stash() });
    expect(ev.value).toEqual({ operation: 'BatchGetItem', tables: { [TABLE]: { keys: [{ pk: S('USER#u1'), sk: S(`UPLOAD#${id(1)}`) }], consistentRead: true } } });
  });

  it('turns a READY upload into the crud’s image', async () => {
    const ready = { pk: 'USER#u1', sk: `UPLOAD#${id(1)}`, state: 'READY', url: 'https://a/1600.webp', thumbnailUrl: 'https://a/640.webp', width: 1600, height: 900, expiresAt: later };
    const ev = await run(UPLOADS, 'response', { stash: stash(), result: result(ready) });
    expect(ev.error).toBeUndefined();
    expect(ev.stash.mediaItems).toEqual([{ uploadId: id(1), url: 'https://a/1600.webp', thumbnailUrl: 'https://a/640.webp', width: 1600, height: 900, alt: 'a cat' }]);
  });

  it.each([
    ['not processed yet', null, 'still being processed'],
    ['refused', { pk: 'USER#u1', sk: `UPLOAD#${id(1)}`, state: 'REJECTED', message: 'Only JPEG, PNG and WebP images are accepted.', expiresAt: later }, 'was refused: Only JPEG'],
    ['expired', { pk: 'USER#u1', sk: `UPLOAD#${id(1)}`, state: 'READY', url: 'u', expiresAt: 1 }, 'still being processed'],
  ])('refuses an image that is %s', async (_name, item, message) => {
    const ev = await run(UPLOADS, 'response', { stash: stash(), result: result(item) });
    expect(ev.error?.errorType).toBe('ValidationError');
    expect(ev.error?.message).toContain(message);
  });
});

describe('createCrud with images: the write', () => {
  const image = { uploadId: id(1), url: 'https://a/1600.webp', thumbnailUrl: 'https://a/640.webp', width: 1600, height: 900, alt: 'a cat' };

  it('stores the images on the crud and consumes each READY status in the same transaction', async () => {
    const ev = await run(WRITE, 'request', { args: { message: 'look' }, identity: user('u1'), stash: { mediaItems: [image] } });
    const value = ev.value as { transactItems: Record<string, unknown>[] };
    expect(value.transactItems).toHaveLength(3);
    expect((value.transactItems[0].attributeValues as Record<string, unknown>).media).toEqual({
      L: [{ M: { uploadId: S(id(1)), url: S(image.url), thumbnailUrl: S(image.thumbnailUrl), width: N(1600), height: N(900), alt: S('a cat') } }],
    });
    expect(value.transactItems[2]).toMatchObject({
      operation: 'DeleteItem',
      key: { pk: S('USER#u1'), sk: S(`UPLOAD#${id(1)}`) },
      condition: { expression: 'attribute_exists(#pk) AND (#state = :ready)', expressionValues: { ':ready': S('READY') } },
    });
  });

  it('says so when an image was consumed meanwhile (attached elsewhere or expired)', async () => {
    const ev = await run(WRITE, 'response', {
      identity: user('u1'),
      stash: { item: { id: 'c1', expiresAt: 1 } },
      error: { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' },
      result: { cancellationReasons: [{ type: 'None' }, { type: 'None' }, { type: 'ConditionalCheckFailed' }] },
    });
    expect(ev.error?.errorType).toBe('ValidationError');
  });

  it('shows images (without the internal upload id) and [] for text-only cruds', async () => {
    const ev = await run(WRITE, 'response', { identity: user('u1'), stash: { item: { id: 'c1', authorId: 'u1', message: 'm', createdAt: 't', expiresAt: 1, media: [image] } }, result: {} });
    expect((ev.value as { media: unknown[] }).media).toEqual([{ url: image.url, thumbnailUrl: image.thumbnailUrl, alt: 'a cat', width: 1600, height: 900 }]);
    const plain = await run(WRITE, 'response', { identity: user('u1'), stash: { item: { id: 'c2', authorId: 'u1', message: 'm', createdAt: 't', expiresAt: 1 } }, result: {} });
    expect((plain.value as { media: unknown[] }).media).toEqual([]);
  });
});
