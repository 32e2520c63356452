/** createCrud's images: the shared checks and status read (lib/testing/attachment-rules.ts), and the consuming write. */
import { describe, expect, it } from 'vitest';
import { N, run, S, user } from '../lib/testing/evaluate.ts';
import { describeAttachmentRules, uploadId as id } from '../lib/testing/attachment-rules.ts';

const PIPELINE = 'Mutation.createCrud/resolver.ts';
const UPLOADS = 'Mutation.createCrud/1.uploads.[table].ts';
const WRITE = 'Mutation.createCrud/2.write.[table].ts';

describeAttachmentRules('createCrud', { pipeline: PIPELINE, uploads: UPLOADS }, { message: 'hi' });

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
