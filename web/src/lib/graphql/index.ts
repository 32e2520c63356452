/** The hook layer generated hooks bind to (see web/codegen/amplify-hooks.cjs), over TanStack Query. */
export type { MutationDocument, QueryDocument, SubscriptionDocument } from './documents.ts';
export { useQuery, type QueryOptions, type QueryResult } from './use-query.ts';
export { useInfiniteQuery, type InfiniteQueryResult } from './use-infinite-query.ts';
export type { ItemOf } from './pages.ts';
export { useMutation, type MutationOptions, type MutationResult } from './use-mutation.ts';
export { useSubscription, type SubscriptionOptions, type SubscriptionResult } from './use-subscription.ts';
export { useCrudState, useCrudPatcher, patchCrud, type CrudState } from './crud-entity.ts';
export { GraphqlProvider } from './query-client.tsx';
export { ApiError, describeApiError } from './errors.ts';
