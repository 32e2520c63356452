/**
 * The server's rules for crud (and reply) images (definitions/media.ts, definitions/buckets.ts), checked in
 * the browser for a quick answer only: the server checks them again.
 */
import { avatarRules } from '../../../../definitions/buckets.ts';
import { mediaRules } from '../../../../definitions/media.ts';

export const MEDIA_TYPES = Object.keys(avatarRules.contentTypes);
export const MEDIA_MAX_BYTES = avatarRules.maxBytes;
export const MEDIA_MAX_PER_CRUD = mediaRules.maxPerCrud;
export const MEDIA_ALT_MAX = mediaRules.altMaxChars;

/** Why a chosen file cannot be attached, or undefined when it can. */
export function checkImageFile(file: File): string | undefined {
  if (!MEDIA_TYPES.includes(file.type)) return `${file.name}: choose a JPEG, PNG or WebP image.`;
  if (file.size > MEDIA_MAX_BYTES) return `${file.name}: choose an image of at most 5 MB.`;
  return undefined;
}
