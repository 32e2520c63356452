/**
 * AWS's own security rules (cdk-nag AwsSolutions) over the pipeline and the production stage it
 * deploys (WAF, threat protection). Any finding not acknowledged at its construct fails, errors
 * and warnings alike. The directly deployed production stacks are checked in cruddur.test.ts, the
 * default dev stacks by `cdk synth` itself in synth.test.ts (the app entry registers the checks).
 */
import { App, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import type { CruddurConfig } from './cruddur.ts';
import { addNagChecks, nagFindings } from './nag/nag.ts';
import { PipelineStack } from './stacks/pipeline-stack.ts';

const config: CruddurConfig = {
  stage: 'prod',
  alertEmail: 'ops@example.com',
  monthlyBudgetUsd: 25,
  threatProtection: true,
  sharpLayerArn: 'arn:aws:lambda:us-east-1:123456789012:layer:sharp:1',
};
const offline = () => new App({ context: { 'aws:cdk:bundling-stacks': [] } });

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the pipeline and its production stage', { timeout: 240_000 }, () => {
    const app = offline();
    new PipelineStack(app, 'CruddurPipeline', {
      repository: 'owner/cruddur',
      branch: 'main',
      connectionArn: 'arn:aws:codeconnections:us-east-1:123456789012:connection/abc',
      config,
    });
    app.synth();
    expect(nagFindings(app)).toEqual([]);
  });

  it('stops synthesis on a finding once registered on the app, as `cdk synth` does', () => {
    const app = offline();
    addNagChecks(app);
    new sns.Topic(new Stack(app, 'Unsafe'), 'Topic');
    expect(() => app.synth()).toThrow(/AwsSolutions-SNS3/);
  });
});
