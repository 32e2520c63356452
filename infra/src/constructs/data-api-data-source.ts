/**
 * AppSync's RELATIONAL_DATABASE data source over the RDS Data API, with a role that may only run
 * statements on the one cluster and read its one secret (constructs/data-api-access.ts). CDK's
 * `addRdsDataSourceV2` is not used: it also grants the retired `rds-data:ExecuteSql`/`*Items`
 * actions on `cluster:*` and `secretsmanager:DescribeSecret`.
 */
import { Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type { Construct } from 'constructs';
import { grantDataApi, type DataApiTarget } from './data-api-access.ts';

export interface DataApiDataSourceProps extends appsync.BackedDataSourceProps {
  /** The database every statement runs in (the data source's `databaseName`). */
  databaseName: string;
  target: DataApiTarget;
}

export class DataApiDataSource extends appsync.BackedDataSource {
  constructor(scope: Construct, id: string, props: DataApiDataSourceProps) {
    super(scope, id, props, {
      type: 'RELATIONAL_DATABASE',
      relationalDatabaseConfig: {
        relationalDatabaseSourceType: 'RDS_HTTP_ENDPOINT',
        rdsHttpEndpointConfig: {
          awsRegion: Stack.of(scope).region,
          dbClusterIdentifier: props.target.clusterArn,
          awsSecretStoreArn: props.target.secretArn,
          databaseName: props.databaseName,
        },
      },
    });
    grantDataApi(this, props.target);
  }
}
