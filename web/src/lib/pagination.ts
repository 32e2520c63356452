/** Items of `latest` not in `known`, in `latest`'s order (new arrivals at the head of a list). */
export function newItems<T>(latest: T[], known: T[], key: (item: T) => string = (i) => (i as { id: string }).id): T[] {
  const seen = new Set(known.map(key));
  return latest.filter((i) => !seen.has(key(i)));
}
