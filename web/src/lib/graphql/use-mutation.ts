import { useCallback, useRef, useState } from 'react';
import { execute } from './client.ts';
import type { MutationDocument } from './documents.ts';
import type { ApiError } from './errors.ts';

/** Returned by every generated `use<Name>Mutation` hook. */
export interface MutationResult<V, R> {
  /** Sends the mutation; rejects with ApiError (also kept in `error`). */
  mutate(variables: V): Promise<R>;
  loading: boolean;
  error: ApiError | undefined;
  reset(): void;
}

/** Wraps one mutation document with loading and error state. */
export function useMutation<V extends object, R>(document: MutationDocument<V, R>): MutationResult<V, R> {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const inFlight = useRef(0);
  const mutate = useCallback(
    async (variables: V) => {
      inFlight.current++;
      setLoading(true);
      setError(undefined);
      try {
        return await execute(document, variables);
      } catch (err) {
        setError(err as ApiError);
        throw err;
      } finally {
        if (--inFlight.current === 0) setLoading(false);
      }
    },
    [document],
  );
  const reset = useCallback(() => setError(undefined), []);
  return { mutate, loading, error, reset };
}
