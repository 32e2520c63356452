import { useCallback, useEffect, useRef, useState } from 'react';
import { useIdentityKey } from '../auth/session.tsx';
import { execute } from './client.ts';
import type { QueryDocument } from './documents.ts';
import type { ApiError } from './errors.ts';

export interface QueryOptions {
  /** Do not run (e.g. a required variable is not known yet, or the viewer is a guest). */
  skip?: boolean;
}

/** State and controls returned by every generated `use<Name>Query` hook. */
export interface QueryResult<V, R> {
  data: R | undefined;
  error: ApiError | undefined;
  /** True during the first load and refetches (not during fetchMore). */
  loading: boolean;
  fetchingMore: boolean;
  refetch(): Promise<void>;
  /** Loads another page with `more` merged over the variables, combining results with `merge`. */
  fetchMore(more: Partial<V>, merge: (previous: R, next: R) => R): Promise<void>;
  /** Local update (live events, optimistic changes) without a request. */
  updateData(update: (previous: R | undefined) => R | undefined): void;
}

/**
 * Runs a query when mounted and whenever its variables or the signed-in identity change.
 * Responses to superseded requests are dropped, so a fast route change never shows stale data.
 */
export function useQuery<V extends object, R>(document: QueryDocument<V, R>, variables: V, options: QueryOptions = {}): QueryResult<V, R> {
  const identity = useIdentityKey();
  const key = JSON.stringify(variables);
  const skip = options.skip === true || identity === 'loading';
  const [data, setData] = useState<R | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(!skip);
  const [fetchingMore, setFetchingMore] = useState(false);
  const generation = useRef(0);
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  const run = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await execute(document, variablesRef.current);
      if (mine === generation.current) setData(result);
    } catch (err) {
      if (mine === generation.current) setError(err as ApiError);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [document]);

  useEffect(() => {
    if (skip) {
      generation.current++;
      setLoading(false);
      return;
    }
    setData(undefined);
    void run();
    // key stands for the variables' value; identity refetches after sign-in/out.
  }, [run, key, identity, skip]);

  const fetchMore = useCallback(
    async (more: Partial<V>, merge: (previous: R, next: R) => R) => {
      const mine = generation.current;
      setFetchingMore(true);
      try {
        const next = await execute(document, { ...variablesRef.current, ...more });
        if (mine === generation.current) setData((prev) => (prev === undefined ? next : merge(prev, next)));
      } catch (err) {
        if (mine === generation.current) setError(err as ApiError);
      } finally {
        setFetchingMore(false);
      }
    },
    [document],
  );

  return { data, error, loading, fetchingMore, refetch: run, fetchMore, updateData: setData };
}
