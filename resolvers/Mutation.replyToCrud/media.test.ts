/** replyToCrud's images follow createCrud's rules (lib/attachments.ts): the shared checks and status read, and its own consuming write. */
import { describe, expect, it } from 'vitest';
import { N, run, S, user } from '../lib/testing/evaluate.ts';
import { describeAttachmentRules, uploadId as id } from '../lib/testing/attachment-rules.ts';

const PIPELINE = 'Mutation.replyToCrud/resolver.ts';
const UPLOADS = 'Mutation.replyToCrud/2.uploads.[table].ts';
const WRITE = 'Mutation.replyToCrud/3.write.[table].ts';
const later = Math.floor(Date.now() / 1000) + 3600;

describeAttachmentRules('replyToCrud', { pipeline: PIPELINE, uploads: UPLOADS }, { crudId: 'parent', message: 'a reply' });

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
