/**
 * Renditions of an image attached to a crud: the whole picture (no square crop, unlike avatars),
 * its longest side scaled down to each size of `mediaRules.renditions` and never up, WebP. Same
 * decoder and refusals as avatars (renditions.ts): metadata is dropped, orientation applied.
 */
import sharp from 'sharp';
import { mediaRules } from '../../definitions/media.ts';
import { decodeUpload, REFUSALS, RejectedUpload } from './renditions.ts';

export interface MediaRendition {
  size: number;
  width: number;
  height: number;
  body: Buffer;
}

export async function makeMediaRenditions(bytes: Buffer): Promise<MediaRendition[]> {
  const { data, raw } = await decodeUpload(bytes);
  try {
    const out: MediaRendition[] = [];
    for (const size of Object.values(mediaRules.renditions)) {
      const { data: body, info } = await sharp(data, raw)
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      out.push({ size, width: info.width, height: info.height, body });
    }
    return out;
  } catch (err) {
    throw new RejectedUpload(`image could not be processed: ${(err as Error).message}`, REFUSALS.damaged);
  }
}
