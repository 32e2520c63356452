import { describe, expect, it } from 'vitest';
import { groupNotifications, type GroupableNotification } from './group.ts';

type N = GroupableNotification;
let seq = 100;
const n = (type: N['type'], actor: string, crud?: string, read = false): N => ({
  id: `n${(seq -= 1)}`,
  type,
  createdAt: new Date(seq * 1000).toISOString(),
  read,
  actor: { id: actor },
  crud: crud ? { id: crud } : null,
});

describe('groupNotifications', () => {
  it('groups likes and reposts per crud, keeps replies and mentions apart', () => {
    const items = [n('LIKE', 'ana', 'c1'), n('REPLY', 'bo', 'r1'), n('LIKE', 'bo', 'c1'), n('LIKE', 'cy', 'c2'), n('LIKE', 'ana', 'c1', true), n('REPOST', 'bo', 'c1'), n('MENTION', 'cy', 'm1'), n('MENTION', 'cy', 'm2')];
    const groups = groupNotifications(items);
    expect(groups.map((g) => [g.newest.type, g.newest.crud?.id, g.actors.map((a) => a.id)])).toEqual([
      ['LIKE', 'c1', ['ana', 'bo']],
      ['REPLY', 'r1', ['bo']],
      ['LIKE', 'c2', ['cy']],
      ['REPOST', 'c1', ['bo']],
      ['MENTION', 'm1', ['cy']],
      ['MENTION', 'm2', ['cy']],
    ]);
    expect(groups[0].read).toBe(false);
  });

  it('groups consecutive follows only', () => {
    const groups = groupNotifications([n('FOLLOW', 'a'), n('FOLLOW', 'b'), n('LIKE', 'c', 'c1'), n('FOLLOW', 'd')]);
    expect(groups.map((g) => g.actors.map((a) => a.id))).toEqual([['a', 'b'], ['c'], ['d']]);
  });
});
