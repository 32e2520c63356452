/**
 * The one DynamoDB table Cruddur stores everything in. Both halves read this definition:
 * `local/` creates the embedded table from it and `infra/` creates the cloud table from it,
 * so offline and cloud tables cannot drift.
 */
export interface KeySchema {
  partitionKey: string;
  sortKey: string;
}

export interface GlobalSecondaryIndex extends KeySchema {
  indexName: string;
  /** Every GSI projects ALL attributes: the feed and inbox reads must not need a second fetch. */
  projection: 'ALL';
}

export interface TableDefinition extends KeySchema {
  /** Logical name; the physical name comes from the environment (`TABLE_NAME`). */
  logicalName: string;
  globalSecondaryIndexes: GlobalSecondaryIndex[];
  /** Epoch-seconds attribute DynamoDB TTL deletes on. */
  timeToLiveAttribute: string;
  stream: 'NEW_AND_OLD_IMAGES';
}

/**
 * Keys are overloaded strings (`USER#<sub>` / `PROFILE`, …); the access patterns are listed in
 * docs/data-model.md. GSIs are generic (gsi1pk/gsi1sk …) so new access patterns need no table change.
 */
export const table: TableDefinition = {
  logicalName: 'CruddurTable',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: 'ALL' },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
};
