import { Avatar } from './avatar.tsx';

/** A person a typeahead offers. */
export interface Suggestion {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string | null;
}

/**
 * The popup of a combobox (WAI-ARIA "combobox with listbox popup"): focus stays in the input,
 * which points at the active option with `aria-activedescendant`. Options are chosen on
 * mousedown so the input does not blur first.
 */
export function SuggestionList({ id, label, items, active, onChoose }: { id: string; label: string; items: Suggestion[]; active: number; onChoose(item: Suggestion): void }) {
  if (items.length === 0) return null;
  return (
    <ul id={id} role="listbox" aria-label={label} className="suggestions">
      {items.map((u, i) => (
        <li
          key={u.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={`suggestion${i === active ? ' active' : ''}`}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(u);
          }}
        >
          <Avatar url={u.avatarUrl} name={u.displayName} handle={u.handle} size={28} />
          <span className="display-name">{u.displayName}</span> <span className="handle">@{u.handle}</span>
        </li>
      ))}
    </ul>
  );
}

/** Arrow-key movement through `count` options, wrapping; -1 when there are none. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  return key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count;
}
