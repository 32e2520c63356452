import { useCallback } from 'react';
import { useMutation as useTanstackMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useIdentityKey } from '../auth/session.tsx';
import { execute } from './client.ts';
import { normalizeCruds } from './crud-entity.ts';
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

/** What a mutation may do around the request (all optional). */
export interface MutationOptions<V, R> {
  /**
   * Changes the cache before the request (an optimistic update) and returns what undoes it;
   * it is undone when the server refuses.
   */
  optimistic?(variables: V, cache: { client: QueryClient; identity: string }): () => void;
  /** After success, once the result's cruds are in the cache. */
  onSuccess?(result: R, variables: V): void;
}

/**
 * One mutation document with loading and error state. Every crud in the result (counters, viewer
 * state) updates the shared cache, so all cards showing it change together.
 */
export function useMutation<V extends object, R>(document: MutationDocument<V, R>, options: MutationOptions<V, R> = {}): MutationResult<V, R> {
  const client = useQueryClient();
  const identity = useIdentityKey();
  const mutation = useTanstackMutation<R, ApiError, V, { undo?: () => void }>({
    mutationFn: (variables) => execute(document, variables),
    onMutate: (variables) => ({ undo: options.optimistic?.(variables, { client, identity }) }),
    onError: (_err, _variables, context) => context?.undo?.(),
    onSuccess: (result, variables) => {
      normalizeCruds(client, identity, result);
      options.onSuccess?.(result, variables);
    },
  });
  const { mutateAsync, reset } = mutation;
  const mutate = useCallback((variables: V) => mutateAsync(variables), [mutateAsync]);
  return { mutate, loading: mutation.isPending, error: mutation.error ?? undefined, reset };
}
