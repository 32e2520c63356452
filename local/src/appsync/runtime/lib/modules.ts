/** The built-in modules resolver bundles import: `@aws-appsync/utils`, `.../dynamodb` and `.../rds`. */
import { abort, state } from './state.ts';
import { authType } from './util/auth-type.ts';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './util/encoding.ts';
import { appendError, error, unauthorized } from './util/errors.ts';
import { autoId, autoKsuid, autoUlid } from './util/ids.ts';
import { matches } from './util/matches.ts';
import { http, math, str } from './util/misc.ts';
import { dynamodb } from './util/dynamodb-values.ts';
import { time } from './util/time.ts';
import { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from './util/transform-dynamodb.ts';
import { toElasticsearchQueryDSL } from './util/transform-opensearch.ts';
import { toSubscriptionFilter } from './util/transform-subscription.ts';
import { toJsonString, toMap } from './util/xml.ts';
import * as ddb from './dynamodb/requests.ts';
import { operations } from './dynamodb/operations.ts';
import { insert, remove, select, sql, typeHint, update } from './rds/builders.ts';
import { createMySQLStatement, createPgStatement } from './rds/statements.ts';
import { toJsonObject } from './rds/to-json-object.ts';

const util = {
  escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode,
  autoId: () => autoId(), autoUlid: () => autoUlid(), autoKsuid: () => autoKsuid(),
  error, appendError, unauthorized, matches, authType,
  time, dynamodb, str, math, http,
  rds: { toJsonObject },
  transform: { toDynamoDBFilterExpression, toDynamoDBConditionExpression, toElasticsearchQueryDSL, toSubscriptionFilter },
  xml: { toMap, toJsonString },
};

const runtime = {
  /** Ends the handler now; `obj` becomes its result (developer guide, "Runtime utilities"). */
  earlyReturn(obj?: unknown, options?: { skipTo?: 'END' | 'NEXT' }): never {
    const skipTo = options?.skipTo === 'END' || options?.skipTo === 'NEXT' ? options.skipTo : undefined;
    return abort({ kind: 'earlyReturn', value: obj, skipTo });
  },
};

const extensions = {
  setSubscriptionFilter(filter: unknown): void {
    state().subscriptionFilter = filter;
  },
  setSubscriptionInvalidationFilter(filter: unknown): void {
    state().subscriptionInvalidationFilter = filter;
  },
  invalidateSubscriptions(obj: { subscriptionField: string; payload: unknown }): void {
    state().invalidations.push({ subscriptionField: String(obj?.subscriptionField), payload: obj?.payload ?? {} });
  },
  evictFromApiCache(typeName: string, fieldName: string, keys: unknown): void {
    state().evictions.push({ typeName: String(typeName), fieldName: String(fieldName), keys });
  },
};

function frozen<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) frozen(v);
  return Object.freeze(o);
}

/** Module table; frozen so that one evaluation cannot change what the next one sees. */
export const builtinModules: Record<string, Record<string, unknown>> = frozen({
  '@aws-appsync/utils': frozen({ util, runtime, extensions }),
  '@aws-appsync/utils/dynamodb': frozen({ ...ddb, operations }),
  '@aws-appsync/utils/rds': frozen({ sql, select, insert, update, remove, typeHint, createPgStatement, createMySQLStatement, toJsonObject }),
});
