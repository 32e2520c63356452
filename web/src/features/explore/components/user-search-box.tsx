import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { usePeopleSuggestions } from '../../../lib/people-search/use-people-suggestions.ts';
import { moveActive, SuggestionList, type Suggestion } from '../../../components/ui/suggestion-list.tsx';

/**
 * The search box with typeahead: people by name or handle appear while typing (arrows pick, Enter
 * opens the picked profile); Enter with nothing picked submits to /search?q=.
 */
export function UserSearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const listId = useId();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [active, setActive] = useState(-1);
  const [focused, setFocused] = useState(false);
  const people = usePeopleSuggestions(q.trim().replace(/^@/, ''));
  const open = focused && people.length > 0;

  function go(u: Suggestion) {
    setFocused(false);
    navigate(`/@${u.handle}`);
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (open && active >= 0 && people[active]) return go(people[active]);
    const prefix = q.trim().replace(/^@/, '');
    setFocused(false);
    if (prefix) navigate(`/search?q=${encodeURIComponent(prefix)}`);
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => moveActive(a, people.length, e.key as 'ArrowDown' | 'ArrowUp'));
    } else if (e.key === 'Escape') {
      setFocused(false);
    }
  }
  return (
    <form role="search" className="search-box" onSubmit={onSubmit}>
      <label htmlFor="user-search" className="visually-hidden">
        Search people by name or handle
      </label>
      <input
        id="user-search"
        type="search"
        placeholder="Search people"
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(-1);
          setFocused(true);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
      />
      {open && <SuggestionList id={listId} label="Suggested people" items={people} active={active} onChoose={go} />}
    </form>
  );
}
