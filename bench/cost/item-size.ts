/**
 * DynamoDB's item size, the unit its capacity is billed in, per the "Item sizes and formats"
 * page of the DynamoDB Developer Guide: attribute names count as UTF-8 bytes; a string is its
 * UTF-8 length; a number about one byte per two significant digits plus one; Boolean and Null one
 * byte; a list or map three bytes plus one byte per element, plus the elements.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L) return 3 + v.L.reduce((n, e) => n + 1 + valueSize(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + Buffer.byteLength(k) + valueSize(e), 0);
  if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (v.B) return v.B.length;
  return 0;
}

/** Bytes of one item (DynamoDB JSON). */
export function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + valueSize(v), 0);
}

/** Write request units of putting one item: one per started KB; transactional writes cost two. */
export const writeUnits = (bytes: number, transactional = false) => Math.max(1, Math.ceil(bytes / 1024)) * (transactional ? 2 : 1);

/** Read request units of a query page of `bytes`: one per started 4 KB, half for eventually consistent reads. */
export const readUnits = (bytes: number, consistent = false) => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
