/** Renditions of crud images: the whole picture, scaled down only, oriented, without metadata. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeMediaRenditions } from './media.ts';
import { REFUSALS, RejectedUpload } from './renditions.ts';

const image = (width: number, height: number, orientation?: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .withMetadata({ orientation, exif: { IFD0: { Artist: 'someone-private' } } })
    .jpeg()
    .toBuffer();

describe('makeMediaRenditions', () => {
  it('scales the longest side to 1600 and 640 px, keeping the aspect ratio, as WebP without metadata', async () => {
    const out = await makeMediaRenditions(await image(3200, 1800));
    expect(out.map((r) => [r.size, r.width, r.height])).toEqual([
      [1600, 1600, 900],
      [640, 640, 360],
    ]);
    for (const r of out) {
      const meta = await sharp(r.body).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(r.body.includes('someone-private')).toBe(false);
    }
  });

  it('never enlarges a small image', async () => {
    const out = await makeMediaRenditions(await image(300, 200));
    expect(out.map((r) => [r.width, r.height])).toEqual([
      [300, 200],
      [300, 200],
    ]);
  });

  it('applies the EXIF orientation before dropping it, so photos are not sideways', async () => {
    // Orientation 6: stored landscape, shown rotated 90° clockwise (portrait).
    const [large] = await makeMediaRenditions(await image(400, 200, 6));
    expect([large.width, large.height]).toEqual([200, 400]);
  });

  it.each([
    ['a GIF', () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).gif().toBuffer(), REFUSALS.format],
    ['text', async () => Buffer.from('not an image'), REFUSALS.unreadable],
  ])('refuses %s with the message the uploader sees', async (_name, bytes, message) => {
    const err = await makeMediaRenditions(await bytes()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedUpload);
    expect((err as RejectedUpload).forUploader).toBe(message);
  });
});
