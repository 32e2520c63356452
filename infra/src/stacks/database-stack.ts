/**
 * The analytics database (decision 021): Aurora PostgreSQL Serverless v2 with the RDS Data API,
 * in a VPC of isolated subnets only. Nothing connects to it over the network: AppSync's RDS data
 * source and the Lambdas reach it through the Data API (HTTPS, IAM-authorised), so the VPC needs no
 * NAT and the security group admits nothing. Migrations (`database/migrations`, definitions/database.ts)
 * are applied on every deploy that changes them, by a custom resource running
 * `lambdas/database-migrate` once the writer instance exists.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CustomResource, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { database } from '../../../definitions/database.ts';
import { functions } from '../../../definitions/functions.ts';
import { addAppFunctions, madeFor } from '../constructs/app-functions.ts';
import type { DataApiTarget } from '../constructs/data-api-access.ts';
import { repoRoot, type NodeFunction } from '../constructs/node-function.ts';
import { acknowledge } from '../nag/nag.ts';

export interface DatabaseStackProps extends StackProps {
  /** Production: deletion protection, snapshot on removal, 14 days of backups, no auto-pause. */
  production: boolean;
}

/** Changes whenever a migration file is added or edited, so the custom resource runs again. */
export function migrationsFingerprint(dir = path.join(repoRoot, database.migrationsDir)): string {
  const hash = createHash('sha256');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort() : [];
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}

export class DatabaseStack extends Stack {
  readonly cluster: rds.DatabaseCluster;
  readonly vpc: ec2.Vpc;
  readonly securityGroup: ec2.SecurityGroup;
  /** The cluster and secret ARNs every Data API caller is granted on. */
  readonly target: DataApiTarget;
  readonly migrate: NodeFunction;
  readonly migrations: CustomResource;

  constructor(scope: Construct, id: string, props: DatabaseStackProps) {
    super(scope, id, props);
    const { production } = props;
    const flowLogs = new logs.LogGroup(this, 'VpcFlowLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      // Rejected packets only: the VPC should carry no traffic at all, so any is worth a look.
      flowLogs: { rejected: { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: ec2.FlowLogTrafficType.REJECT } },
      // Nothing is placed in the default group; restricting it would add a custom-resource Lambda.
      restrictDefaultSecurityGroup: false,
    });
    this.securityGroup = new ec2.SecurityGroup(this, 'DatabaseSecurityGroup', {
      vpc: this.vpc,
      description: 'Aurora analytics cluster: reached only through the RDS Data API, so no ingress and no egress',
      allowAllOutbound: false,
    });

    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      // PostgreSQL 17, the major version PGlite runs offline; the Data API serves 17.4 and later.
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_17_7 }),
      writer: rds.ClusterInstance.serverlessV2('writer'),
      // 0 ACU pauses a dev cluster when idle (no compute cost; the first query waits ~15 s for it
      // to resume); production keeps 0.5 ACU warm so Insights never wait (decision 021).
      serverlessV2MinCapacity: production ? 0.5 : 0,
      serverlessV2MaxCapacity: production ? 4 : 2,
      enableDataApi: true,
      defaultDatabaseName: database.name,
      credentials: rds.Credentials.fromGeneratedSecret('cruddur_admin'),
      storageEncrypted: true,
      iamAuthentication: true,
      vpc: this.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      backup: { retention: Duration.days(production ? 14 : 1) },
      deletionProtection: production,
      removalPolicy: production ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
    });
    const secret = this.cluster.secret!;
    this.target = { clusterArn: this.cluster.clusterArn, secretArn: secret.secretArn };
    acknowledge(this.cluster, 'AwsSolutions-RDS11', 'No network path reaches the cluster (isolated subnets, a security group without ingress); callers use the Data API, so a non-default port adds nothing.');
    // The generated secret is a child of the cluster construct.
    acknowledge(this.cluster, 'AwsSolutions-SMG4', 'Rotation needs a rotation Lambda inside this NAT-less VPC plus a Secrets Manager interface endpoint; the secret is only ever read by IAM-authorised Data API calls (decision 021).');
    if (!production) acknowledge(this.cluster, 'AwsSolutions-RDS10', 'Dev clusters are disposable; production turns deletion protection on.');

    // The migrate function (with the migrations in its bundle) and its grants: definitions/functions.ts.
    const made = addAppFunctions(this, 'database', { database: this.target });
    this.migrate = madeFor(made, functions.databaseMigrate.handler, 'the migrations custom resource');
    this.migrations = this.migrationsResource();
  }

  /** The custom resource that runs the migrations, after the cluster and its writer exist. */
  private migrationsResource(): CustomResource {
    const frameworkLogs = new logs.LogGroup(this, 'MigrationsProviderLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const frameworkRole = new iam.Role(this, 'MigrationsProviderRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    frameworkRole.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [frameworkLogs.logGroupArn] }));
    const provider = new cr.Provider(this, 'MigrationsProvider', { onEventHandler: this.migrate, frameworkOnEventRole: frameworkRole, logGroup: frameworkLogs });
    acknowledge(frameworkRole, `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.migrate.node.defaultChild as never)}.Arn>:*]`, 'The CDK Provider framework invokes the one migrate function, versions and aliases included.');
    acknowledge(provider, 'AwsSolutions-L1', 'The CDK Provider framework pins its own Node.js runtime.');
    const resource = new CustomResource(this, 'Migrations', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::DatabaseMigrations',
      // A new fingerprint makes CloudFormation send Update, so changed migrations run on deploy.
      properties: { database: database.name, migrations: migrationsFingerprint() },
    });
    // Depending on the cluster construct covers its writer instance: the Data API needs a running writer.
    resource.node.addDependency(this.cluster);
    return resource;
  }
}
