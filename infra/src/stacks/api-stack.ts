/**
 * The AppSync API: schema.graphql, the Lambda authorizer as default mode with Cognito user pools
 * and IAM as additional modes, and an APPSYNC_JS resolver for every field in resolvers/ — the very
 * bundles the offline engine runs (definitions/resolvers.ts) — with the server-side cache and the
 * resolvers' caching configs of definitions/caching.ts.
 */
import path from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import { api as apiDefinition, type AuthMode } from '../../../definitions/api.ts';
import { dataSources } from '../../../definitions/data-sources.ts';
import { bundleResolverSync, discoverResolvers, type ResolverWiring } from '../../../definitions/resolvers.ts';
import { ApiCache } from '../constructs/api-cache.ts';
import { addAppFunctions, madeFor } from '../constructs/app-functions.ts';
import { ApiFirewall } from '../constructs/api-firewall.ts';
import type { DataApiTarget } from '../constructs/data-api-access.ts';
import { DataApiDataSource } from '../constructs/data-api-data-source.ts';
import { repoRoot, type NodeFunction } from '../constructs/node-function.ts';
import { grantIndexQueries } from '../constructs/table-access.ts';
import { acknowledge, importOf, wildcardResource } from '../nag/nag.ts';

export interface CustomDomain {
  domainName: string;
  /** An ACM certificate in us-east-1 (AppSync's requirement); created with DNS validation when absent. */
  certificateArn?: string;
  hostedZoneId: string;
  hostedZoneName: string;
}

export interface ApiStackProps extends StackProps {
  /** Functions made elsewhere for AWS_LAMBDA data sources, by data source name (e.g. StorageStack's avatarUploads presigner). */
  lambdaFunctions?: Record<string, lambda.IFunction>;
  table: dynamodb.ITable;
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
  customDomain?: CustomDomain;
  resolversDir?: string;
  /** AWS WAF in front of the API (per-IP rate limit + IP reputation list; about $7/month + $0.60/M requests). */
  firewall?: boolean;
  /** The Aurora cluster and secret behind RELATIONAL_DATABASE data sources (DatabaseStack). */
  database?: DataApiTarget;
}

export class ApiStack extends Stack {
  readonly api: appsync.GraphqlApi;
  readonly authorizer: NodeFunction;
  readonly resolvers: ResolverWiring[];
  readonly functions: NodeFunction[] = [];

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // The authorizer and any data-source function placed here, from definitions/functions.ts.
    const made = addAppFunctions(this, 'api', {
      table: props.table,
      values: { userPoolId: props.userPool.userPoolId, userPoolClientId: props.userPoolClient.userPoolClientId, tableName: props.table.tableName },
    });
    this.authorizer = madeFor(made, apiDefinition.authorizer.handler, 'the Lambda authorizer');
    this.functions.push(...Object.values(made));

    const domain = props.customDomain ? this.certificateFor(props.customDomain) : undefined;
    // AppSync's own role for its logs, limited to the API's log group below (instead of the
    // account-wide AWSAppSyncPushToCloudWatchLogs managed policy).
    const logsRole = new iam.Role(this, 'ApiLogsRole', { assumedBy: new iam.ServicePrincipal('appsync.amazonaws.com') });
    this.api = new appsync.GraphqlApi(this, 'Api', {
      name: `${Stack.of(this).stackName}-cruddur`,
      definition: appsync.Definition.fromFile(path.join(repoRoot, 'schema.graphql')),
      // The same modes the offline engine serves (definitions/api.ts).
      authorizationConfig: {
        defaultAuthorization: this.authorization(apiDefinition.defaultAuthMode, props.userPool),
        additionalAuthorizationModes: apiDefinition.additionalAuthModes.map((mode) => this.authorization(mode, props.userPool)),
      },
      // `ctx.env` in resolvers: batch and transaction requests name the table physically.
      environmentVariables: { TABLE_NAME: props.table.tableName },
      // The per-request cost limits the offline engine enforces too (definitions/api.ts, decision 014).
      queryDepthLimit: apiDefinition.limits.queryDepthLimit,
      resolverCountLimit: apiDefinition.limits.resolverCountLimit,
      xrayEnabled: true,
      domainName: domain,
    });
    // Field logs go to a group created here with its retention, so the role needs no CreateLogGroup.
    // Set on the L1: the L2's logConfig always adds a LogRetention custom resource (a Lambda with
    // an account-wide logs policy) that would fight this group over retention.
    (this.api.node.defaultChild as appsync.CfnGraphQLApi).logConfig = { fieldLogLevel: appsync.FieldLogLevel.ERROR, cloudWatchLogsRoleArn: logsRole.roleArn };
    const logGroup = new logs.LogGroup(this, 'ApiLogs', { logGroupName: `/aws/appsync/apis/${this.api.apiId}`, retention: logs.RetentionDays.ONE_MONTH });
    logsRole.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    if (props.firewall) new ApiFirewall(this, 'Firewall', { api: this.api });
    if (props.customDomain) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: props.customDomain.hostedZoneId, zoneName: props.customDomain.hostedZoneName });
      new route53.CnameRecord(this, 'ApiCname', { zone, recordName: props.customDomain.domainName, domainName: this.api.appSyncDomainName });
    }

    new CfnOutput(this, 'GraphQLUrl', { value: this.api.graphqlUrl });
    new CfnOutput(this, 'Region', { value: Stack.of(this).region });

    const sources = new Map<string, appsync.BaseDataSource>();
    // CDK grants a DynamoDB data source `table/index/*` when the table it is given has indexes; this
    // reference to the same table has none, and the named indexes are granted instead.
    const tableWithoutIndexes = dynamodb.Table.fromTableName(this, 'TableRef', props.table.tableName);
    for (const ds of dataSources) {
      if (ds.type === 'AMAZON_DYNAMODB') {
        const dynamo = this.api.addDynamoDbDataSource(ds.name, tableWithoutIndexes);
        grantIndexQueries(props.table, dynamo);
        sources.set(ds.name, dynamo);
      } else if (ds.type === 'NONE') {
        sources.set(ds.name, this.api.addNoneDataSource(ds.name));
      } else if (ds.type === 'RELATIONAL_DATABASE') {
        if (!props.database) throw new Error(`data source "${ds.name}": RELATIONAL_DATABASE needs the database stack's cluster`);
        sources.set(ds.name, new DataApiDataSource(this.api, ds.name, { api: this.api, name: ds.name, databaseName: ds.database, target: props.database }));
      } else {
        const fn = props.lambdaFunctions?.[ds.name] ?? madeFor(made, ds.handler, `data source "${ds.name}"`);
        sources.set(ds.name, this.lambdaSource(ds.name, fn));
      }
    }
    const source = (name: string, where: string) => {
      const ds = sources.get(name);
      if (!ds) throw new Error(`${where}: unknown data source "${name}" (definitions/data-sources.ts)`);
      return ds;
    };

    this.resolvers = discoverResolvers(props.resolversDir);
    const apiCache = new ApiCache(this, 'Cache', { api: this.api });
    for (const r of this.resolvers) {
      const where = `${r.typeName}.${r.fieldName}`;
      const code = appsync.Code.fromInline(bundleResolverSync(r.file));
      const runtime = appsync.FunctionRuntime.JS_1_0_0;
      const cachingConfig = ApiCache.cachingConfigOf(r);
      if (r.kind === 'UNIT') {
        const unit = new appsync.Resolver(this, `${r.typeName}${r.fieldName}Resolver`, {
          api: this.api, typeName: r.typeName, fieldName: r.fieldName, runtime, code, dataSource: source(r.dataSource!, where), cachingConfig,
        });
        // (chosen) The cache exists before any resolver that relies on it.
        if (cachingConfig) unit.node.addDependency(apiCache);
        continue;
      }
      const pipelineConfig = r.functions.map(
        (f) =>
          new appsync.AppsyncFunction(this, `${r.typeName}${r.fieldName}${f.name}Function`, {
            api: this.api,
            name: `${r.typeName}_${r.fieldName}_${f.name}`,
            dataSource: source(f.dataSource, `${where}/${f.name}`),
            runtime,
            code: appsync.Code.fromInline(bundleResolverSync(f.file)),
          }),
      );
      const pipeline = new appsync.Resolver(this, `${r.typeName}${r.fieldName}Resolver`, {
        api: this.api, typeName: r.typeName, fieldName: r.fieldName, runtime, code, pipelineConfig, cachingConfig,
      });
      if (cachingConfig) pipeline.node.addDependency(apiCache);
    }
  }

  /** A Lambda data source; CDK's invoke grant also covers the function's versions and aliases (`<arn>:*`). */
  private lambdaSource(name: string, fn: lambda.IFunction): appsync.LambdaDataSource {
    const source = this.api.addLambdaDataSource(name, fn);
    const arn = Stack.of(fn) === this ? fn.functionArn : importOf(fn, fn.functionArn);
    acknowledge(source, wildcardResource(this, `${arn}:*`), 'Invoke on this one function; the `:*` is CDK grantInvoke covering its versions and aliases.');
    return source;
  }

  private authorization(mode: AuthMode, userPool: cognito.IUserPool): appsync.AuthorizationMode {
    switch (mode) {
      case 'AWS_LAMBDA':
        return {
          authorizationType: appsync.AuthorizationType.LAMBDA,
          lambdaAuthorizerConfig: { handler: this.authorizer, resultsCacheTtl: Duration.seconds(apiDefinition.authorizer.resultTtlSeconds) },
        };
      case 'AWS_IAM':
        return { authorizationType: appsync.AuthorizationType.IAM };
      case 'AMAZON_COGNITO_USER_POOLS':
        return { authorizationType: appsync.AuthorizationType.USER_POOL, userPoolConfig: { userPool } };
      default:
        throw new Error(`definitions/api.ts: ${mode} is not deployed by this stack`);
    }
  }

  private certificateFor(domain: CustomDomain): appsync.DomainOptions {
    const certificate = domain.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn)
      : new acm.Certificate(this, 'Certificate', {
          domainName: domain.domainName,
          validation: acm.CertificateValidation.fromDns(
            route53.HostedZone.fromHostedZoneAttributes(this, 'CertificateZone', { hostedZoneId: domain.hostedZoneId, zoneName: domain.hostedZoneName }),
          ),
        });
    return { certificate, domainName: domain.domainName };
  }
}
