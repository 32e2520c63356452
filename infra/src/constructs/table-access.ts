/**
 * DynamoDB grants on the Cruddur table that name every index (definitions/table.ts) instead of
 * CDK's `table/index/*`: the indexes are known, so no wildcard is needed. Index ARNs get only the
 * read actions, since writes always go to the table.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { TableAccess } from '../../../definitions/functions.ts';
import { table as definition } from '../../../definitions/table.ts';

/** What the AppSync resolvers and Lambdas call (TransactWriteItems needs the per-item actions plus ConditionCheckItem). */
const readActions = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const writeActions = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable'];
const indexActions = ['dynamodb:Query', 'dynamodb:Scan'];


/** The ARN of every global secondary index in definitions/table.ts. */
export function indexArns(table: dynamodb.ITable): string[] {
  return definition.globalSecondaryIndexes.map((gsi) => `${table.tableArn}/index/${gsi.indexName}`);
}

/** Grants `access` on the table, and queries on its named indexes when reading. */
export function grantTable(table: dynamodb.ITable, grantee: iam.IGrantable, access: TableAccess): void {
  if (access === 'update') {
    iam.Grant.addToPrincipal({ grantee, actions: ['dynamodb:UpdateItem'], resourceArns: [table.tableArn] });
    return;
  }
  const actions = [...new Set([...(access === 'write' ? [] : readActions), ...(access === 'read' ? [] : writeActions)])];
  iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [table.tableArn] });
  if (access !== 'write') grantIndexQueries(table, grantee);
}

/** Query and Scan on each named index (for principals CDK already granted the table itself). */
export function grantIndexQueries(table: dynamodb.ITable, grantee: iam.IGrantable): void {
  iam.Grant.addToPrincipal({ grantee, actions: indexActions, resourceArns: indexArns(table) });
}
