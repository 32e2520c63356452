/**
 * What an item written before an index existed lacks, judged from the item alone (likes and
 * replies) or from a profile and the name rows the scan saw (names). Pure: the writes are in
 * index.ts. The shapes are those today's writers produce (definitions/keys.ts, name-search.ts).
 */
import { gsi, likeIndex, ItemType } from '../../definitions/keys.ts';
import { nameIndexWrites, type NameWordRow } from '../../definitions/name-search.ts';
import type { Key } from '../../definitions/keys.ts';

export type Item = Record<string, any>;

/** A SET of index attributes on an item that exists and still lacks them. */
export interface IndexUpdate {
  key: Key;
  kind: 'like' | 'reply';
  set: Record<string, string>;
  /** The attribute whose absence means "not yet done" (the write's condition). */
  missing: string;
}

/** A like row without gsi1 (likedCruds) or a reply without gsi3 (userReplies); else null. */
export function indexUpdateFor(item: Item): IndexUpdate | null {
  const key = { pk: item.pk, sk: item.sk };
  if (item.type === ItemType.LIKE && item.gsi1pk === undefined && item.createdAt && item.userId && item.crudId) {
    return { key, kind: 'like', set: likeIndex(item.userId, item.createdAt, item.crudId), missing: 'gsi1pk' };
  }
  if (item.type === ItemType.CRUD && item.replyToId && item.gsi3pk === undefined && item.authorId) {
    return { key, kind: 'reply', set: { gsi3pk: gsi.userReplies(item.authorId), gsi3sk: item.id }, missing: 'gsi3pk' };
  }
  return null;
}

/** A profile's name as the scan saw it, and its name rows as the scan saw them (sk → gsi2sk). */
export interface SeenProfile {
  id: string;
  displayName: string;
  /** Written before the name rows: the profile carried its own gsi2 name key. */
  legacyKey: boolean;
}

/** The name rows to put and the positions to delete so the index matches the name, or null when it does. */
export function nameRepairFor(profile: SeenProfile, seenRows: Map<string, string> | undefined): { put: NameWordRow[]; remove: Key[] } | null {
  const wanted = nameIndexWrites(profile.id, profile.displayName.normalize('NFD'));
  const seen = seenRows ?? new Map<string, string>();
  const same = wanted.put.length === seen.size && wanted.put.every((row) => seen.get(row.sk) === row.gsi2sk);
  if (same && !profile.legacyKey) return null;
  return { put: wanted.put, remove: wanted.remove.filter((k) => seen.has(k.sk)) };
}
