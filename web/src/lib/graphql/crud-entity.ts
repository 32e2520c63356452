/**
 * One cache entry per crud and identity: its counters, the viewer's like/repost and whether it is
 * gone. Every query result, mutation result and subscription event that carries a crud writes
 * here (`normalizeCruds`), and every card reads from here (`useCrudState`), so a live event, a like
 * or a repost changes every card showing that crud at once, whichever list it sits in.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useIdentityKey } from '../auth/session.tsx';

/** What every card of one crud agrees on. Viewer fields are null for guests and on live events. */
export interface CrudState {
  id: string;
  likesCount: number;
  repliesCount: number;
  repostsCount: number;
  viewerHasLiked: boolean | null;
  viewerHasReposted: boolean | null;
  /** Deleted (or expired and removed by TTL), from onCrudChanged. */
  deleted: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/**
 * A crud, whichever operation selected it: the `CrudCounters` fields (only `Crud` and its live twin
 * `CrudChange` have all three counters in schema.graphql).
 */
function isCrudShaped(o: Json): boolean {
  return typeof o.id === 'string' && typeof o.likesCount === 'number' && typeof o.repostsCount === 'number' && typeof o.repliesCount === 'number';
}

/** The cache key of one crud's state for one identity (viewer fields differ per viewer). */
export function crudKey(identity: string, id: string): readonly unknown[] {
  return ['entity', identity, 'Crud', id];
}

/**
 * Merges what just arrived over what is known. Counters always come from the newest source; a
 * null viewer field means "not known here" (events are published without a viewer), not "no".
 */
function merge(known: CrudState | undefined, o: Json): CrudState {
  const bool = (v: unknown, fallback: boolean | null) => (typeof v === 'boolean' ? v : fallback);
  return {
    id: o.id as string,
    likesCount: o.likesCount as number,
    repliesCount: o.repliesCount as number,
    repostsCount: o.repostsCount as number,
    viewerHasLiked: bool(o.viewerHasLiked, known?.viewerHasLiked ?? null),
    viewerHasReposted: bool(o.viewerHasReposted, known?.viewerHasReposted ?? null),
    deleted: bool(o.deleted, known?.deleted ?? false) === true,
  };
}

/** Writes every crud found anywhere in `data` (a query, mutation or event result) to its entry. */
export function normalizeCruds(client: QueryClient, identity: string, data: unknown): void {
  const visit = (v: unknown, depth: number): void => {
    if (depth > 12) return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    if (isCrudShaped(v)) client.setQueryData<CrudState>(crudKey(identity, v.id as string), (known) => merge(known, v));
    for (const child of Object.values(v)) if (typeof child === 'object') visit(child, depth + 1);
  };
  visit(data, 0);
}

/**
 * Changes one crud's state now (an optimistic like or repost); returns what undoes it, for when
 * the server refuses.
 */
export function patchCrud(client: QueryClient, identity: string, id: string, patch: (state: CrudState) => Partial<CrudState>): () => void {
  const key = crudKey(identity, id);
  const before = client.getQueryData<CrudState>(key);
  if (before) client.setQueryData<CrudState>(key, { ...before, ...patch(before) });
  return () => {
    if (before) client.setQueryData<CrudState>(key, before);
  };
}

/** Seed for a crud no result has written yet (e.g. a card rendered from a parent's props). */
type CrudSeed = Omit<CrudState, 'deleted' | 'viewerHasLiked' | 'viewerHasReposted'> & {
  viewerHasLiked?: boolean | null;
  viewerHasReposted?: boolean | null;
};

/** The shared state of `crud`, re-rendering whenever any source changes it. */
export function useCrudState(crud: CrudSeed): CrudState {
  const identity = useIdentityKey();
  const seed = (): CrudState => merge(undefined, crud as unknown as Json);
  const { data } = useQuery({ queryKey: crudKey(identity, crud.id), queryFn: seed, initialData: seed, staleTime: Infinity, enabled: false });
  return data;
}

/** `patchCrud` for the signed-in identity: e.g. a crud whose author was just blocked leaves every card. */
export function useCrudPatcher(): (id: string, patch: (state: CrudState) => Partial<CrudState>) => void {
  const client = useQueryClient();
  const identity = useIdentityKey();
  return (id, patch) => void patchCrud(client, identity, id, patch);
}
