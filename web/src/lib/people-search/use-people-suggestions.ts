import { useEffect, useState } from 'react';
import { useSearchUsersQuery } from '../../graphql/operations.ts';
import type { SearchUsersQuery } from '../../graphql/types.ts';

export type PersonSuggestion = SearchUsersQuery['searchUsers'][number];

/** Typing pauses this long before a search goes out: one request per pause, not per key. */
const DEBOUNCE_MS = 150;

/**
 * Up to `limit` people for a typeahead: handle prefix or a prefix of any word of the name, or handles only (a
 * mention). Empty while `prefix` is empty; keeps the last results while the next are on their way.
 */
export function usePeopleSuggestions(prefix: string, { handlesOnly = false, limit = 6 } = {}): PersonSuggestion[] {
  const [settled, setSettled] = useState(prefix);
  useEffect(() => {
    const t = setTimeout(() => setSettled(prefix), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [prefix]);
  const term = settled.trim();
  // searchUsers refuses a blank prefix: a bare "@" waits for its first letter.
  const skip = term === '' || prefix.trim() === '';
  const query = useSearchUsersQuery({ prefix: handlesOnly ? `@${term}` : term, limit }, { skip });
  return skip ? [] : (query.data?.searchUsers ?? []);
}
