/**
 * Notifications as people expect to read them: likes and reposts of one crud are one entry
 * ("Ana and 3 others liked your crud"), and so is a run of follows; replies and mentions stay one
 * entry each, since each carries its own text.
 */

/** What grouping needs of a notification (the list's items satisfy it). */
export interface GroupableNotification {
  id: string;
  type: 'LIKE' | 'REPOST' | 'FOLLOW' | 'REPLY' | 'MENTION';
  createdAt: string;
  read: boolean;
  actor: { id: string };
  crud?: { id: string } | null;
}

/** One line of the list: the newest notification of the group and everyone who did it. */
export interface NotificationGroup<N extends GroupableNotification> {
  /** The newest notification's id (stable while the group only grows older members). */
  key: string;
  newest: N;
  /** Distinct actors, newest first. */
  actors: N['actor'][];
  /** True when every member is read. */
  read: boolean;
}

function groupKey(n: GroupableNotification): string | null {
  if ((n.type === 'LIKE' || n.type === 'REPOST') && n.crud) return `${n.type}#${n.crud.id}`;
  if (n.type === 'FOLLOW') return 'FOLLOW';
  return null;
}

/** Groups a newest-first list; groups are ordered by their newest member. */
export function groupNotifications<N extends GroupableNotification>(items: readonly N[]): NotificationGroup<N>[] {
  const groups: NotificationGroup<N>[] = [];
  const open = new Map<string, NotificationGroup<N>>();
  for (const n of items) {
    const key = groupKey(n);
    // Follows group only while consecutive: an interleaved like starts a new run.
    const target = key === null ? undefined : key === 'FOLLOW' && groups.at(-1) !== open.get(key) ? undefined : open.get(key);
    if (target) {
      if (!target.actors.some((a) => a.id === n.actor.id)) target.actors.push(n.actor);
      target.read = target.read && n.read;
      continue;
    }
    const group: NotificationGroup<N> = { key: n.id, newest: n, actors: [n.actor], read: n.read };
    groups.push(group);
    if (key !== null) open.set(key, group);
  }
  return groups;
}
