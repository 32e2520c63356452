/**
 * Images attached to a new crud or reply, in three steps both pipelines share (createCrud and
 * replyToCrud): the input is checked before anything is read (count, alt text, ownership, no
 * repeats), the thumbnailer's outcome for each upload is read in its own pipeline function, and the
 * write consumes each upload's READY status in the crud's own transaction, so an image is attached
 * once and only when the thumbnailer accepted it (docs/decisions/036).
 */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { mediaRules, uploadStatusKey, type UploadKey } from '../../definitions/media.ts';
import { tableName } from './ddb.ts';
import type { Item } from './items.ts';
import { ownUpload, statusKeyOf } from './uploads.ts';
import { requireText } from './validate.ts';
import { deleteExisting, failedConditions } from './writes.ts';

/** One attachment as the client sends it (`CrudMediaInput`). */
export interface MediaInput {
  key: string;
  alt: string;
}

/** A checked attachment: the caller's own upload and its trimmed alt text. */
export interface Attachment {
  upload: UploadKey;
  alt: string;
}

/**
 * Checks the attachments before anything is read and puts them in `ctx.stash.media` (empty when
 * none): at most four, each the caller's own image upload with 1–1,000 characters of alt text,
 * none twice.
 */
export function checkAttachments(ctx: Context, callerId: string, media: MediaInput[] | null | undefined): Attachment[] {
  const list = media || [];
  if (list.length > mediaRules.maxPerCrud) {
    util.error(`A crud can carry at most ${mediaRules.maxPerCrud} images`, 'ValidationError', null, { field: 'media', max: mediaRules.maxPerCrud });
  }
  const seen: string[] = [];
  const checked = list.map((m, i) => {
    const upload = ownUpload(callerId, m.key, `media[${i}].key`, 'media');
    if (seen.indexOf(upload.uploadId) >= 0) util.error(`media[${i}] repeats an image`, 'ValidationError', null, { field: `media[${i}].key` });
    seen.push(upload.uploadId);
    return { upload, alt: requireText(`media[${i}].alt`, m.alt, mediaRules.altMaxChars) };
  });
  ctx.stash.media = checked;
  return checked;
}

/** Pipeline function request: reads each attachment's status consistently (none: reads nothing). */
export function readStatusesRequest(ctx: Context) {
  const media = ctx.stash.media as Attachment[];
  if (media.length === 0) runtime.earlyReturn({});
  const tables: Record<string, unknown> = {};
  tables[tableName(ctx)] = { keys: media.map((m) => util.dynamodb.toMapValues(statusKeyOf(m.upload))), consistentRead: true };
  return { operation: 'BatchGetItem', tables };
}

/**
 * Pipeline function response: READY uploads become the crud's images in the author's order
 * (`ctx.stash.mediaItems`); an upload not processed yet, refused or expired is refused.
 */
export function readStatusesResponse(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const found = ((ctx.result && ctx.result.data && ctx.result.data[tableName(ctx)]) || []) as (Item | null)[];
  const now = util.time.nowEpochSeconds();
  const media = ctx.stash.media as Attachment[];
  ctx.stash.mediaItems = media.map((m, i) => {
    const status = found.find((s) => !!s && s.sk === `UPLOAD#${m.upload.uploadId}` && s.expiresAt > now);
    if (!status) util.error(`media[${i}] is still being processed (or was never uploaded): wait for uploadStatus READY`, 'ValidationError', null, { field: `media[${i}].key` });
    if (status && status.state !== 'READY') util.error(`media[${i}] was refused: ${status.message}`, 'ValidationError', null, { field: `media[${i}].key` });
    const s = status as Item;
    return { uploadId: m.upload.uploadId, url: s.url, thumbnailUrl: s.thumbnailUrl, width: s.width, height: s.height, alt: m.alt };
  });
  return {};
}

/** Stores the checked images (`ctx.stash.mediaItems`) as the new item's `media` and returns them (none: [], no attribute). */
export function attachImages(ctx: Context, item: Item): Item[] {
  const images = (ctx.stash.mediaItems || []) as Item[];
  if (images.length > 0) item.media = images;
  return images;
}

/**
 * Transaction items deleting each attached upload's status on condition it is still READY; put
 * them last in the write so `attachmentConflict` can find them from their first index.
 */
export function consumeUploads(table: string, callerId: string, images: Item[]): Item[] {
  const ready = { expression: '#state = :ready', names: { '#state': 'state' }, values: { ':ready': 'READY' } };
  return images.map((m) => deleteExisting(table, uploadStatusKey(callerId, m.uploadId), ready));
}

/** Raises a ValidationError when a `consumeUploads` item (from index `first` on) failed: the upload was used meanwhile. */
export function attachmentConflict(ctx: Context, first: number): void {
  if (failedConditions(ctx).some((i) => i >= first)) {
    util.error('An image is already attached to another crud or has expired: upload it again', 'ValidationError', null, { field: 'media' });
  }
}
