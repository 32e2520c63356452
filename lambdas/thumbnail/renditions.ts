/**
 * Turns an uploaded file into avatar renditions with sharp (libvips), or refuses it. Decoding is
 * guarded: only JPEG, PNG and WebP are accepted (by content, not by name), the pixel count is
 * capped before anything is decoded (`limitInputPixels`, the decompression-bomb guard), so is the
 * memory the decode would need (the function's configured memory is the budget), and
 * `failOn: 'warning'` turns a truncated or corrupt file into an error instead of a grey half image.
 * Outputs are re-encoded from pixels, so EXIF (GPS, camera), ICC comments and XMP are dropped —
 * sharp keeps no metadata unless asked (`withMetadata`); `rotate()` first applies the EXIF
 * orientation so dropping it does not turn photos sideways.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { avatarRules } from '../../definitions/buckets.ts';

export type RenditionFormat = (typeof avatarRules.formats)[number];

export interface Rendition {
  size: number;
  format: RenditionFormat;
  contentType: string;
  body: Buffer;
}

/** What the uploader is told for each kind of refusal (uploadStatus `message`). */
export const REFUSALS = {
  size: 'The image must be at most 5 MB.',
  unreadable: 'This file is not an image that can be read: choose a JPEG, PNG or WebP image.',
  format: 'Only JPEG, PNG and WebP images are accepted.',
  dimensions: 'This image has too many pixels: choose one of at most 40 megapixels.',
  damaged: 'This image is damaged or incomplete and could not be processed.',
} as const;

/**
 * Input the pipeline refuses (not an image, too large, truncated …); the upload is discarded.
 * `message` is for the logs; `forUploader` is what the person who uploaded it is told.
 */
export class RejectedUpload extends Error {
  override name = 'RejectedUpload';
  constructor(
    message: string,
    readonly forUploader: string,
  ) {
    super(message);
  }
}

const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
const decodeOptions = { limitInputPixels: avatarRules.maxInputPixels, failOn: 'warning' as const, sequentialRead: true };

/** sha256 of the uploaded bytes: the content address of the renditions. */
export const contentHash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Peak memory of a decode per sample (pixel × channel): the decoded raster, libvips' working copy
 * while orienting and flattening, and the raw copy the renditions are cut from. Measured 3.2
 * (a 39.7 MP RGB PNG: +380 MB RSS); 3.5 leaves a margin.
 */
const DECODE_BYTES_PER_SAMPLE = 3.5;
/** What Node, the AWS SDK and sharp hold before any image is decoded (measured 90–150 MB RSS). */
const RUNTIME_RESERVE_MB = 160;

/**
 * The memory an image may take to decode: the function's configured memory (Lambda reports it as
 * AWS_LAMBDA_FUNCTION_MEMORY_SIZE) less the runtime's own share. Unlimited where no Lambda
 * runtime says so (then only `limitInputPixels` applies).
 */
export function decodeBudgetBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
  return mb > 0 ? (mb - RUNTIME_RESERVE_MB) * 1024 * 1024 : Infinity;
}

const mbOf = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

/** Decoded, oriented, flattened pixels: what every rendition is cut from. */
export interface Decoded {
  data: Buffer;
  raw: { raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };
}

/**
 * Checks and decodes an upload once (avatars and crud images alike): size, format by content,
 * pixel and memory budgets, then the pixels, auto-oriented (EXIF applied, then dropped with all
 * other metadata) on white. Throws RejectedUpload for anything refused.
 */
export async function decodeUpload(bytes: Buffer): Promise<Decoded> {
  if (bytes.length === 0 || bytes.length > avatarRules.maxBytes) throw new RejectedUpload(`size ${bytes.length} is outside 1..${avatarRules.maxBytes} bytes`, REFUSALS.size);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, decodeOptions).metadata();
  } catch (err) {
    throw new RejectedUpload(`not a readable image: ${(err as Error).message}`, REFUSALS.unreadable);
  }
  const { format, width = 0, height = 0, channels = 4 } = meta;
  if (!format || !ACCEPTED.has(format)) throw new RejectedUpload(`format ${format ?? 'unknown'} is not accepted`, REFUSALS.format);
  // The header is all that has been read so far: refuse before decoding what would not fit.
  if (width * height > avatarRules.maxInputPixels) throw new RejectedUpload(`image of ${width}×${height} pixels is over ${avatarRules.maxInputPixels} pixels`, REFUSALS.dimensions);
  const needed = width * height * channels * DECODE_BYTES_PER_SAMPLE;
  const budget = decodeBudgetBytes();
  if (needed > budget) throw new RejectedUpload(`image of ${width}×${height} pixels needs about ${mbOf(needed)} MB to decode, over the function's memory budget of ${mbOf(budget)} MB`, REFUSALS.dimensions);
  try {
    const { data, info } = await sharp(bytes, decodeOptions).rotate().flatten({ background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
    return { data, raw: { raw: { width: info.width, height: info.height, channels: info.channels } } };
  } catch (err) {
    throw new RejectedUpload(`image could not be processed: ${(err as Error).message}`, REFUSALS.damaged);
  }
}

export async function makeRenditions(bytes: Buffer): Promise<Rendition[]> {
  const { data, raw } = await decodeUpload(bytes);
  try {
    const out: Rendition[] = [];
    for (const size of avatarRules.sizes) {
      const resized = sharp(data, raw).resize(size, size, { fit: 'cover', position: 'attention' });
      for (const f of avatarRules.formats) {
        const body = f === 'jpeg' ? await resized.clone().jpeg({ quality: 85, mozjpeg: true }).toBuffer() : await resized.clone().webp({ quality: 82 }).toBuffer();
        out.push({ size, format: f, contentType: f === 'jpeg' ? 'image/jpeg' : 'image/webp', body });
      }
    }
    return out;
  } catch (err) {
    throw new RejectedUpload(`image could not be processed: ${(err as Error).message}`, REFUSALS.damaged);
  }
}
