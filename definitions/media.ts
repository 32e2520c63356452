/**
 * Images attached to cruds, declared once: what `createMediaUpload` presigns, what the thumbnailer
 * makes of an upload, what `createCrud` accepts, where the renditions live and when they go. The
 * pipeline is the avatar one (definitions/buckets.ts): same uploads bucket, same size and type
 * rules, same decoder; only the key prefix, the renditions and the owner of the result differ.
 * Pure values and functions with no imports, so resolvers (APPSYNC_JS), Lambdas, `local/` and
 * `infra/` share them.
 */

/** What a crud may carry and what the thumbnailer produces from each image. */
export const mediaRules = {
  /** Twitter/X and Mastodon both allow four images per post. */
  maxPerCrud: 4,
  /** Alt text is required: 1–1,000 characters (code points), Twitter/X's limit (Mastodon: 1,500). */
  altMaxChars: 1000,
  /**
   * Renditions: the longest side scaled down to at most `size` px (never up), WebP only (every
   * browser the web app supports decodes it). `large` is the lightbox, `small` the feed grid.
   */
  renditions: { large: 1600, small: 640 } as Record<'large' | 'small', number>,
  /**
   * Renditions of an upload never attached to a crud are deleted by this lifecycle rule on the
   * assets bucket's `media/` prefix; it is also the backstop for a missed clean-up. It is longer
   * than the longest crud lifetime (30 days), so it never takes an image from a live crud.
   */
  lifecycleDays: 31,
};

const SUB_CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-';
const HEX = '0123456789abcdef';
const UPLOAD_EXTENSIONS = ['jpg', 'png', 'webp'];
const only = (s: string, chars: string) => s.split('').every((c) => chars.indexOf(c) >= 0);

/** A parsed upload key: whose it is, its random id, and what it is for. */
export interface UploadKey {
  userId: string;
  uploadId: string;
  purpose: 'avatar' | 'media';
}

/**
 * Parses `uploads/<sub>/<32 hex>.<ext>` (an avatar) or `uploads/<sub>/media/<32 hex>.<ext>` (an
 * image for a crud); null for anything else. Written without regular expressions because
 * resolvers (APPSYNC_JS, which refuses regex literals) parse keys with it too.
 */
export function parseUploadKey(key: string): UploadKey | null {
  const parts = key.split('/');
  const media = parts.length === 4 && parts[2] === 'media';
  if (parts[0] !== 'uploads' || !(parts.length === 3 || media)) return null;
  const userId = parts[1];
  const file = parts[parts.length - 1].split('.');
  if (userId.length < 1 || userId.length > 64 || !only(userId, SUB_CHARS)) return null;
  if (file.length !== 2 || file[0].length !== 32 || !only(file[0], HEX) || UPLOAD_EXTENSIONS.indexOf(file[1]) < 0) return null;
  return { userId, uploadId: file[0], purpose: media ? 'media' : 'avatar' };
}

/** The key `createMediaUpload` presigns. */
export const mediaUploadKey = (userId: string, uploadId: string, extension: string) => `uploads/${userId}/media/${uploadId}.${extension}`;

/** `media/<sub>/<upload id>/<size>.webp` in the assets bucket. Per upload, so two cruds never share an object. */
export function mediaKey(userId: string, uploadId: string, size: number): string {
  return `media/${userId}/${uploadId}/${size}.webp`;
}

/** Every rendition key of one upload (what the clean-up deletes). */
export function mediaKeys(userId: string, uploadId: string): string[] {
  return Object.values(mediaRules.renditions).map((size) => mediaKey(userId, uploadId, size));
}

/** The assets bucket's prefix the lifecycle backstop applies to. */
export const MEDIA_PREFIX = 'media/';

/**
 * The outcome of processing one upload, written by the thumbnailer and read by `uploadStatus`
 * (and, for images, consumed by `createCrud`): `USER#<sub>` / `UPLOAD#<upload id>`, expiring
 * with the upload itself (a day).
 */
export const uploadStatusKey = (userId: string, uploadId: string) => ({ pk: `USER#${userId}`, sk: `UPLOAD#${uploadId}` });

/** How long a status item lives (seconds): as long as an unprocessed upload may (the uploads lifecycle). */
export const UPLOAD_STATUS_TTL_SECONDS = 86_400;
