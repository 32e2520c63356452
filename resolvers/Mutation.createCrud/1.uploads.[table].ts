/** Reads the thumbnailer's outcome for each attached image (lib/attachments.ts, shared with replyToCrud). */
export { readStatusesRequest as request, readStatusesResponse as response } from '../lib/attachments.ts';
