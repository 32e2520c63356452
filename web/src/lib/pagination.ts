/** A page of a `...Connection` as every list query returns it. */
export interface Page<T> {
  items: T[];
  nextToken?: string | null;
}

/** Appends `next` to `previous`, dropping items already present (ids are unique per list). */
export function appendPage<T extends { id: string }, P extends Page<T>>(previous: P, next: P): P {
  const seen = new Set(previous.items.map((i) => i.id));
  return { ...next, items: [...previous.items, ...next.items.filter((i) => !seen.has(i.id))] };
}

/** Items of `latest` not in `known`, in `latest`'s order (new arrivals at the head of a list). */
export function newItems<T>(latest: T[], known: T[], key: (item: T) => string = (i) => (i as { id: string }).id): T[] {
  const seen = new Set(known.map(key));
  return latest.filter((i) => !seen.has(key(i)));
}
