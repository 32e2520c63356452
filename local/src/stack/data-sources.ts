/**
 * The app's data sources, each mapped to its offline twin and traced.
 */
import type { DataSourceDefinition } from '../app-definition.ts';
import { createDynamoDbDataSource } from '../appsync/datasources/dynamodb/index.ts';
import { createLambdaDataSource } from '../appsync/datasources/lambda.ts';
import { createNoneDataSource } from '../appsync/datasources/none.ts';
import { createRdsDataSource } from '../appsync/datasources/rds/index.ts';
import type { DataSource } from '../appsync/datasources/types.ts';
import type { DataApiHandle } from '../data-api/index.ts';
import type { FunctionEnv } from '../lambda-runtime/function-env.ts';
import type { DynamoStack } from '../dynamodb/index.ts';
import { tracedDataSource } from '../observability/tracing.ts';

/** Builds every data source of `definitions`; `tableAlias` is the table's logical name resolvers may use. */
export function createDataSources(
  definitions: DataSourceDefinition[],
  dynamo: DynamoStack,
  dataApi: DataApiHandle,
  tableAlias: string,
  /** The environment of the function behind a handler, as of each invocation. */
  functionEnv: (handler: string) => FunctionEnv,
): Record<string, DataSource> {
  const out: Record<string, DataSource> = {};
  for (const d of definitions) {
    const source =
      d.type === 'AMAZON_DYNAMODB'
        ? createDynamoDbDataSource({ name: d.name, client: dynamo.client, inProcess: dynamo.inProcess, tableName: dynamo.tableName, aliases: [tableAlias] })
        : d.type === 'NONE'
          ? createNoneDataSource(d.name)
          : d.type === 'RELATIONAL_DATABASE'
            ? createRdsDataSource({ name: d.name, api: dataApi.api, resourceArn: dataApi.resourceArn, secretArn: dataApi.secretArn, database: d.database })
            : createLambdaDataSource({ name: d.name, handler: d.handler, env: () => functionEnv(d.handler) });
    out[d.name] = tracedDataSource(source);
  }
  return out;
}
