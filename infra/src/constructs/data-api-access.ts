/**
 * Least-privilege access to the analytics database through the RDS Data API: the five statement
 * and transaction actions on the one cluster, and GetSecretValue on its one secret (the Data API
 * reads the credentials as the caller). CDK's own helpers grant more: `grantDataApiAccess` adds
 * DescribeSecret, and AppSync's `addRdsDataSourceV2` the retired `ExecuteSql`/`*Items` actions on
 * `cluster:*` as well.
 */
import * as iam from 'aws-cdk-lib/aws-iam';

/** Actions of the Data API (RDS Data API reference, "Actions"), none of them resource-wildcarded. */
export const dataApiActions = [
  'rds-data:ExecuteStatement',
  'rds-data:BatchExecuteStatement',
  'rds-data:BeginTransaction',
  'rds-data:CommitTransaction',
  'rds-data:RollbackTransaction',
];

export interface DataApiTarget {
  clusterArn: string;
  secretArn: string;
}

/** Lets `grantee` run SQL on the cluster through the Data API, and nothing else. */
export function grantDataApi(grantee: iam.IGrantable, target: DataApiTarget): void {
  iam.Grant.addToPrincipal({ grantee, actions: dataApiActions, resourceArns: [target.clusterArn] });
  iam.Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [target.secretArn] });
}
