/** Pages of a `...Connection` field, as an infinite query holds them, seen as one list. */

/** A `...Connection` as every paginated field returns it. */
export interface Connection {
  items: Array<{ id: string }>;
  nextToken?: string | null;
}

/** The item type of the connection at `R[K]`. */
export type ItemOf<R, K extends keyof R> = NonNullable<R[K]> extends { items: Array<infer I> } ? I : never;

export const connectionOf = <R>(page: R, field: keyof R) => page[field] as unknown as Connection | null | undefined;

/** The pages as one result; an item on two pages (the list moved between reads) shows once. */
export function mergePages<R>(pages: R[], field: keyof R): R | undefined {
  if (pages.length === 0) return undefined;
  const seen = new Set<string>();
  const items: Connection['items'] = [];
  for (const page of pages) {
    for (const item of connectionOf(page, field)?.items ?? []) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  const last = pages[pages.length - 1];
  return { ...last, [field]: { ...connectionOf(last, field), items, nextToken: connectionOf(last, field)?.nextToken ?? null } };
}

/**
 * Stores a locally changed list back into the pages: all of it in the first page, later pages
 * emptied but keeping their nextTokens, so loading more (and a refetch) goes on from the same place.
 */
export function putItems<R>(pages: R[], field: keyof R, items: unknown[]): R[] {
  const [first, ...rest] = pages;
  if (first === undefined) return pages;
  const emptied = rest.map((p) => ({ ...p, [field]: { ...connectionOf(p, field), items: [] } }));
  return [{ ...first, [field]: { ...connectionOf(first, field), items } }, ...emptied];
}

/** The loaded item with this id, on whichever page it is. */
export function findItem<R>(pages: R[], field: keyof R, id: string): Connection['items'][number] | undefined {
  for (const page of pages) {
    const hit = connectionOf(page, field)?.items.find((i) => i.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Puts `fresh` at the head of the first page, as a live arrival belongs there; an item already
 * loaded moves (its copy on any page is dropped), so a list reordered by a live event never shows
 * an item twice. Later pages keep their nextTokens, so loading more goes on from the same place.
 */
export function putFirst<R>(pages: R[], field: keyof R, fresh: Array<{ id: string }>): R[] {
  if (pages.length === 0 || fresh.length === 0) return pages;
  const ids = new Set(fresh.map((i) => i.id));
  return pages.map((page, index) => {
    const connection = connectionOf(page, field);
    const kept = (connection?.items ?? []).filter((i) => !ids.has(i.id));
    return { ...page, [field]: { ...connection, items: index === 0 ? [...fresh, ...kept] : kept } };
  });
}

/** Replaces loaded items in place (same page, same position); `change` returns the item unchanged to skip it. */
export function mapItems<R, T extends { id: string }>(pages: R[], field: keyof R, change: (item: T) => T): R[] {
  return pages.map((page) => {
    const connection = connectionOf(page, field);
    if (!connection) return page;
    return { ...page, [field]: { ...connection, items: connection.items.map((i) => change(i as T)) } };
  });
}
