/** replyToCrud's images follow createCrud's rules (lib/attachments.ts): checks, status read, consuming write. */
import { describe, expect, it } from 'vitest';
import { N, run, S, TABLE, user } from '../lib/testing/evaluate.ts';

const PIPELINE = 'Mutation.replyToCrud/resolver.ts';
const UPLOADS = 'Mutation.replyToCrud/2.uploads.[table].ts';
const WRITE = 'Mutation.replyToCrud/3.write.[table].ts';
const id = (n: number) => n.toString(16).padStart(32, '0');
const key = (owner: string, n: number) => `uploads/${owner}/media/${id(n)}.jpg`;
const later = Math.floor(Date.now() / 1000) + 3600;
const args = (media: unknown) => ({ crudId: 'parent', message: 'a reply', media });

describe('replyToCrud with images: input checks', () => {
  it('accepts up to four of the caller’s own uploads with alt text, trimmed, in order', async () => {
    const media = [1, 2, 3, 4].map((n) => ({ key: key('u1', n), alt: ` image ${n} ` }));
    const ev = await run(PIPELINE, 'request', { args: args(media), identity: user('u1') });
    expect(ev.error).toBeUndefined();
    expect(ev.stash.media).toEqual([1, 2, 3, 4].map((n) => ({ upload: { userId: 'u1', uploadId: id(n), purpose: 'media' }, alt: `image ${n}` })));
  });

  it('takes no images when none are given', async () => {
    for (const media of [undefined, null, []]) {
      const ev = await run(PIPELINE, 'request', { args: args(media), identity: user('u1') });
      expect(ev.error).toBeUndefined();
      expect(ev.stash.media).toEqual([]);
    }
  });

  it.each([
    ['five images', [1, 2, 3, 4, 5].map((n) => ({ key: key('u1', n), alt: 'x' })), 'ValidationError', 'at most 4 images'],
    ['a missing alt text', [{ key: key('u1', 1), alt: '' }], 'ValidationError', 'media[0].alt'],
    ['a blank alt text', [{ key: key('u1', 1), alt: ' \n ' }], 'ValidationError', 'media[0].alt'],
    ['an alt text over 1,000 characters', [{ key: key('u1', 1), alt: 'é'.repeat(1001) }], 'ValidationError', 'media[0].alt'],
    ['someone else’s upload', [{ key: key('u2', 1), alt: 'x' }], 'Unauthorized', 'not one of your uploads'],
    ['an avatar upload', [{ key: `uploads/u1/${id(1)}.jpg`, alt: 'x' }], 'ValidationError', 'createMediaUpload'],
    ['a key outside uploads/', [{ key: `media/u1/${id(1)}/1600.webp`, alt: 'x' }], 'ValidationError', 'createMediaUpload'],
    ['a path-traversal key', [{ key: `uploads/u1/media/../../${id(1)}.jpg`, alt: 'x' }], 'ValidationError', 'createMediaUpload'],
    ['the same image twice', [{ key: key('u1', 1), alt: 'x' }, { key: key('u1', 1), alt: 'y' }], 'ValidationError', 'repeats an image'],
  ])('refuses %s before reading or writing anything', async (_name, media, errorType, message) => {
    const ev = await run(PIPELINE, 'request', { args: args(media), identity: user('u1') });
    expect(ev.error?.errorType).toBe(errorType);
    expect(ev.error?.message).toContain(message);
  });
});

describe('replyToCrud with images: the thumbnailer’s outcome', () => {
  const stash = () => ({ media: [{ upload: { userId: 'u1', uploadId: id(1) }, alt: 'a cat' }] });
  const result = (item: Record<string, unknown> | null) => ({ data: { [TABLE]: [item] } });

  it('reads nothing without images and each status consistently with them', async () => {
    expect((await run(UPLOADS, 'request', { stash: { media: [] } })).earlyReturn).toBeDefined();
    const ev = await run(UPLOADS, 'request', { stash: stash() });
    expect(ev.value).toEqual({ operation: 'BatchGetItem', tables: { [TABLE]: { keys: [{ pk: S('USER#u1'), sk: S(`UPLOAD#${id(1)}`) }], consistentRead: true } } });
  });

  it('turns a READY upload into the reply’s image', async () => {
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

describe('replyToCrud with images: the write', () => {
  const image = { uploadId: id(1), url: 'https://a/1600.webp', thumbnailUrl: 'https://a/640.webp', width: 1600, height: 900, alt: 'a cat' };
  const stash = (mediaItems?: unknown[]) => ({ callerId: 'u1', message: 'look', parent: { id: 'p1' }, parentExpiresAt: later, parentAuthorId: 'u2', mediaItems });
  const cancelled = (failedAt: number) => ({
    identity: user('u1'),
    stash: { item: { id: 'r1', expiresAt: 1 } },
    error: { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' },
    result: { cancellationReasons: Array.from({ length: 5 }, (_, i) => ({ type: i === failedAt ? 'ConditionalCheckFailed' : 'None' })) },
  });

  it('stores the images on the reply and consumes each READY status after the block checks', async () => {
    const ev = await run(WRITE, 'request', { args: {}, identity: user('u1'), stash: stash([image]) });
    const value = ev.value as { transactItems: Record<string, unknown>[] };
    expect(value.transactItems).toHaveLength(5);
    expect((value.transactItems[0].attributeValues as Record<string, unknown>).media).toEqual({
      L: [{ M: { uploadId: S(id(1)), url: S(image.url), thumbnailUrl: S(image.thumbnailUrl), width: N(1600), height: N(900), alt: S('a cat') } }],
    });
    expect((value.transactItems[0].attributeValues as Record<string, unknown>).replyToId).toEqual(S('p1'));
    expect(value.transactItems.slice(2, 4).map((t) => t.operation)).toEqual(['ConditionCheck', 'ConditionCheck']);
    expect(value.transactItems[4]).toMatchObject({
      operation: 'DeleteItem',
      key: { pk: S('USER#u1'), sk: S(`UPLOAD#${id(1)}`) },
      condition: { expression: 'attribute_exists(#pk) AND (#state = :ready)', expressionValues: { ':ready': S('READY') } },
    });
  });

  it('writes a text-only reply without media or upload items', async () => {
    const ev = await run(WRITE, 'request', { args: {}, identity: user('u1'), stash: stash() });
    const value = ev.value as { transactItems: Record<string, unknown>[] };
    expect(value.transactItems).toHaveLength(4);
    expect((value.transactItems[0].attributeValues as Record<string, unknown>).media).toBeUndefined();
  });

  it('says so when an image was consumed meanwhile (attached elsewhere or expired)', async () => {
    const ev = await run(WRITE, 'response', cancelled(4));
    expect(ev.error).toMatchObject({ errorType: 'ValidationError', message: expect.stringContaining('already attached') });
  });

  it('keeps the parent and block refusals apart from the image one', async () => {
    expect((await run(WRITE, 'response', cancelled(1))).error?.errorType).toBe('NotFound');
    expect((await run(WRITE, 'response', cancelled(2))).error?.errorType).toBe('Forbidden');
    expect((await run(WRITE, 'response', cancelled(3))).error?.errorType).toBe('Forbidden');
  });

  it('shows the reply’s images without the internal upload id', async () => {
    const ev = await run(WRITE, 'response', { identity: user('u1'), stash: { item: { id: 'r1', authorId: 'u1', message: 'm', createdAt: 't', expiresAt: 1, replyToId: 'p1', media: [image] } }, result: {} });
    expect((ev.value as { media: unknown[] }).media).toEqual([{ url: image.url, thumbnailUrl: image.thumbnailUrl, alt: 'a cat', width: 1600, height: 900 }]);
  });
});
