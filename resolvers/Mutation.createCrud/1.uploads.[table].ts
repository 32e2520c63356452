import { runtime, util, type Context } from '@aws-appsync/utils';
import { tableName } from '../lib/ddb.ts';
import { statusKeyOf } from '../lib/uploads.ts';
import type { Item } from '../lib/items.ts';

interface Attachment {
  upload: { userId: string; uploadId: string };
  alt: string;
}

/** Reads the thumbnailer's outcome for each attached image (none attached: nothing to read). */
export function request(ctx: Context) {
  const media = ctx.stash.media as Attachment[];
  if (media.length === 0) runtime.earlyReturn({});
  const tables: Record<string, unknown> = {};
  tables[tableName(ctx)] = { keys: media.map((m) => util.dynamodb.toMapValues(statusKeyOf(m.upload as never))), consistentRead: true };
  return { operation: 'BatchGetItem', tables };
}

/** READY uploads become the crud's media, in the author's order; anything else is refused. */
export function response(ctx: Context) {
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
