/**
 * AWS public on-demand prices, us-east-1, USD, as listed on the pricing pages below when read on
 * 2026-12-07. Prices change: check the pages before quoting a figure from docs/cost.md.
 */
export const prices = {
  /** https://aws.amazon.com/appsync/pricing/ — query and data modification operations. */
  appsyncRequest: 4.0 / 1e6,
  /** Same page: real-time updates (messages delivered, and WebSocket operations). */
  appsyncRealtimeMessage: 2.0 / 1e6,
  /** Same page: connection-minutes. */
  appsyncConnectionMinute: 0.08 / 1e6,
  /** https://aws.amazon.com/dynamodb/pricing/on-demand/ — after the November 2024 reduction. */
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  /** Same page: Streams read request units; GetRecords calls made by Lambda triggers are free. */
  dynamoStreamReadUnit: 0.02 / 1e5,
  /** Same page: storage, per GB-month (first 25 GB free, not applied here). */
  dynamoStorageGbMonth: 0.25,
  /** https://aws.amazon.com/lambda/pricing/ — x86, first tier. */
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecond: 0.0000166667,
  /** https://aws.amazon.com/cognito/pricing/ — per MAU beyond the 10,000-MAU free tier. */
  cognitoLiteMau: 0.0055,
  cognitoEssentialsMau: 0.015,
  cognitoFreeMau: 10_000,
  /** https://aws.amazon.com/rds/aurora/pricing/ — Aurora Serverless v2 (Aurora Standard). */
  auroraAcuHour: 0.12,
  auroraStorageGbMonth: 0.1,
  auroraIoRequest: 0.2 / 1e6,
  /** Same page, Data API: first billion requests a month. */
  dataApiRequest: 0.35 / 1e6,
} as const;

export type Prices = { -readonly [K in keyof typeof prices]: number };
