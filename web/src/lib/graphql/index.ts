/** The hook layer generated hooks bind to (see web/codegen/amplify-hooks.cjs). */
export type { MutationDocument, QueryDocument, SubscriptionDocument } from './documents.ts';
export { useQuery, type QueryOptions, type QueryResult } from './use-query.ts';
export { useMutation, type MutationResult } from './use-mutation.ts';
export { useSubscription, type SubscriptionOptions, type SubscriptionResult } from './use-subscription.ts';
export { ApiError, describeApiError } from './errors.ts';
