/**
 * Cruddur in the cloud: every stack, wired with cross-stack references. Used by the CDK app for a
 * direct `cdk deploy` and by the pipeline's deploy stage, so both deploy the same thing.
 */
import { Stage, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { functionByHandler } from '../../definitions/functions.ts';
import { insightsStep, streamConsumers, type StreamConsumerDefinition } from '../../definitions/stream-consumers.ts';
import { ApiStack, type CustomDomain } from './stacks/api-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { DatabaseStack } from './stacks/database-stack.ts';
import { HostingStack } from './stacks/hosting-stack.ts';
import { IdentityStack } from './stacks/identity-stack.ts';
import { OperationsStack } from './stacks/operations-stack.ts';
import { StorageStack } from './stacks/storage-stack.ts';
import { StreamsStack } from './stacks/streams-stack.ts';
import { iamMutations, iamReadableTypes } from './schema-facts.ts';

export interface CruddurConfig {
  /** `prod` turns on deletion protection and retention. */
  stage: string;
  alertEmail?: string;
  monthlyBudgetUsd: number;
  customDomain?: CustomDomain;
  /** Extra browser origins allowed to upload avatars (the web distribution's is always allowed), e.g. a custom domain. */
  corsOrigins?: string[];
  /** Cognito threat protection on the Plus plan (per-MAU cost, no free tier); off by default. */
  threatProtection?: boolean;
  /** A published sharp layer for linux-arm64; otherwise infra/layers/sharp (infra/scripts/build-sharp-layer.sh). */
  sharpLayerArn?: string;
}

/**
 * Consumers that write to the analytics database, so get its Data API settings and grants: the
 * mapping the Insights step runs inside, and any consumer running the step's handler on its own.
 */
export function databaseConsumers(consumers: StreamConsumerDefinition[] = streamConsumers, step: { handler: string; runsInside: string } = insightsStep): string[] {
  return consumers.filter((c) => c.name === step.runsInside || c.handler === step.handler).map((c) => c.name);
}

export function addCruddur(scope: Construct, config: CruddurConfig) {
  for (const name of databaseConsumers()) {
    const handler = streamConsumers.find((c) => c.name === name)!.handler;
    if (!functionByHandler(handler)?.permissions.dataApi) throw new Error(`definitions/functions.ts: consumer "${name}" runs the Insights step, so its function must declare dataApi`);
  }
  const production = config.stage === 'prod';
  const data = new DataStack(scope, 'CruddurData', { production });
  const database = new DatabaseStack(scope, 'CruddurDatabase', { production });
  const identity = new IdentityStack(scope, 'CruddurIdentity', { table: data.table, production, threatProtection: config.threatProtection });
  // Avatars: uploads bucket, thumbnailer, presigner; the presigner backs the API's avatarUploads data source.
  const hosting = new HostingStack(scope, 'CruddurHosting', { production });
  const storage = new StorageStack(scope, 'CruddurStorage', {
    production,
    table: data.table,
    assetsBucket: hosting.assetsBucket,
    assetsBaseUrl: `https://${hosting.assetsDistribution.distributionDomainName}`,
    corsOrigins: [`https://${hosting.webDistribution.distributionDomainName}`, ...(config.corsOrigins ?? [])],
    sharpLayerArn: config.sharpLayerArn,
  });
  const api = new ApiStack(scope, 'CruddurApi', {
    lambdaFunctions: { avatarUploads: storage.avatarUpload },
    table: data.table,
    userPool: identity.userPool,
    userPoolClient: identity.client,
    customDomain: config.customDomain,
    // Production only: the web ACL's fixed monthly cost is not worth it for a dev stack.
    firewall: production,
    database: database.target,
  });
  const streams = new StreamsStack(scope, 'CruddurStreams', {
    table: data.table,
    api: api.api,
    consumers: streamConsumers,
    publishMutations: iamMutations(),
    publishReadTypes: iamReadableTypes(),
    database: database.target,
    // The fan-out consumer deletes a removed crud's images (lambdas/feed-fanout/media.ts).
    assetsBucket: hosting.assetsBucket,
  });
  const operations = new OperationsStack(scope, 'CruddurOperations', {
    api: api.api,
    functions: [...identity.functions, ...api.functions, ...streams.consumers, ...storage.functions, database.migrate],
    streamConsumers: streams.consumers,
    alertEmail: config.alertEmail,
    monthlyBudgetUsd: config.monthlyBudgetUsd,
  });
  return { data, database, identity, api, streams, hosting, storage, operations };
}

export class CruddurStage extends Stage {
  constructor(scope: Construct, id: string, config: CruddurConfig, props?: StageProps) {
    super(scope, id, props);
    addCruddur(this, config);
  }
}
