/**
 * Test helper (Node only): the image rules every pipeline that takes `media` shares
 * (lib/attachments.ts), registered as tests against one pipeline's own files, so createCrud and
 * replyToCrud are each shown to refuse every case rather than trusting the shared code.
 */
import { describe, expect, it } from 'vitest';
import { run, S, TABLE, user } from './evaluate.ts';

/** A 32-hex upload id. */
export const uploadId = (n: number) => n.toString(16).padStart(32, '0');
/** A media upload key of `owner`'s. */
export const mediaKey = (owner: string, n: number) => `uploads/${owner}/media/${uploadId(n)}.jpg`;
const later = Math.floor(Date.now() / 1000) + 3600;

/**
 * Registers the input checks (against `pipeline`'s before handler, called with `args` plus
 * `media`) and the status read (against `uploads`, the pipeline's status-read function).
 */
export function describeAttachmentRules(field: string, files: { pipeline: string; uploads: string }, args: Record<string, unknown>): void {
  const id = uploadId;
  const key = mediaKey;
  const before = (media: unknown) => run(files.pipeline, 'request', { args: { ...args, media }, identity: user('u1') });

  describe(`${field} with images: input checks`, () => {
    it('accepts up to four of the caller’s own uploads with alt text, trimmed, in order', async () => {
      const ev = await before([1, 2, 3, 4].map((n) => ({ key: key('u1', n), alt: ` image ${n} ` })));
      expect(ev.error).toBeUndefined();
      expect(ev.stash.media).toEqual([1, 2, 3, 4].map((n) => ({ upload: { userId: 'u1', uploadId: id(n), purpose: 'media' }, alt: `image ${n}` })));
    });

    it('takes no images when none are given', async () => {
      for (const media of [undefined, null, []]) expect((await before(media)).stash.media).toEqual([]);
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
      const ev = await before(media);
      expect(ev.error?.errorType).toBe(errorType);
      expect(ev.error?.message).toContain(message);
    });
  });

  describe(`${field} with images: the thumbnailer’s outcome`, () => {
    const stash = () => ({ media: [{ upload: { userId: 'u1', uploadId: id(1) }, alt: 'a cat' }] });
    const result = (item: Record<string, unknown> | null) => ({ data: { [TABLE]: [item] } });

    it('reads nothing without images and each status consistently with them', async () => {
      expect((await run(files.uploads, 'request', { stash: { media: [] } })).earlyReturn).toBeDefined();
      const ev = await run(files.uploads, 'request', { stash: stash() });
      expect(ev.value).toEqual({ operation: 'BatchGetItem', tables: { [TABLE]: { keys: [{ pk: S('USER#u1'), sk: S(`UPLOAD#${id(1)}`) }], consistentRead: true } } });
    });

    it('turns a READY upload into an image', async () => {
      const ready = { pk: 'USER#u1', sk: `UPLOAD#${id(1)}`, state: 'READY', url: 'https://a/1600.webp', thumbnailUrl: 'https://a/640.webp', width: 1600, height: 900, expiresAt: later };
      const ev = await run(files.uploads, 'response', { stash: stash(), result: result(ready) });
      expect(ev.error).toBeUndefined();
      expect(ev.stash.mediaItems).toEqual([{ uploadId: id(1), url: 'https://a/1600.webp', thumbnailUrl: 'https://a/640.webp', width: 1600, height: 900, alt: 'a cat' }]);
    });

    it.each([
      ['not processed yet', null, 'still being processed'],
      ['refused', { pk: 'USER#u1', sk: `UPLOAD#${id(1)}`, state: 'REJECTED', message: 'Only JPEG, PNG and WebP images are accepted.', expiresAt: later }, 'was refused: Only JPEG'],
      ['expired', { pk: 'USER#u1', sk: `UPLOAD#${id(1)}`, state: 'READY', url: 'u', expiresAt: 1 }, 'still being processed'],
    ])('refuses an image that is %s', async (_name, item, message) => {
      const ev = await run(files.uploads, 'response', { stash: stash(), result: result(item) });
      expect(ev.error?.errorType).toBe('ValidationError');
      expect(ev.error?.message).toContain(message);
    });
  });
}
