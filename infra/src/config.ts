/** Reads the deployment's settings from CDK context (`cdk.json` or `-c key=value`). */
import type { App } from 'aws-cdk-lib';
import type { CruddurConfig } from './cruddur.ts';

export interface AppConfig extends CruddurConfig {
  pipeline?: { repository: string; branch: string; connectionArn: string };
}

export function readConfig(app: App): AppConfig {
  const get = (key: string): string | undefined => {
    const value = app.node.tryGetContext(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const domainName = get('domainName');
  const repository = get('githubRepository');
  return {
    stage: get('stage') ?? 'dev',
    alertEmail: get('alertEmail'),
    monthlyBudgetUsd: Number(get('monthlyBudgetUsd') ?? 25),
    // Avatars: extra upload origins (comma-separated) and a published sharp layer.
    corsOrigins: get('corsOrigins')?.split(',').map((o) => o.trim()).filter(Boolean),
    sharpLayerArn: get('sharpLayerArn'),
    threatProtection: get('threatProtection') === 'true',
    customDomain: domainName
      ? { domainName, certificateArn: get('certificateArn'), hostedZoneId: get('hostedZoneId') ?? '', hostedZoneName: get('hostedZoneName') ?? '' }
      : undefined,
    pipeline: repository
      ? { repository, branch: get('githubBranch') ?? 'main', connectionArn: get('githubConnectionArn') ?? '' }
      : undefined,
  };
}
