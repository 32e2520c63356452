/**
 * The findings CDK Pipelines' generated roles and projects carry, acknowledged on the pipeline
 * construct (its children only, not the deployed stage) with why each stays. The grants are CDK's:
 * they are scoped to this pipeline's artifact bucket, build projects and log groups.
 */
import { Aws } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { CodePipeline } from 'aws-cdk-lib/pipelines';
import { acknowledge, wildcardResource } from '../nag/nag.ts';

export function acknowledgePipeline(pipeline: CodePipeline, artifacts: s3.IBucket): void {
  const artifactActions = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'];
  for (const action of artifactActions) {
    acknowledge(pipeline, `AwsSolutions-IAM5[Action::${action}]`, 'CDK Pipelines\' artifact grant (bucket.grantReadWrite) on this pipeline\'s artifact bucket only.');
  }
  acknowledge(pipeline, wildcardResource(pipeline, artifacts.arnForObjects('*')), 'Artifact keys are generated per execution; the grant is this one bucket.');
  const account = `${Aws.PARTITION}:%s:${Aws.REGION}:${Aws.ACCOUNT_ID}`;
  const arn = (service: string, rest: string) => `arn:${account.replace('%s', service)}:${rest}`;
  for (const project of [pipeline.synthProject, pipeline.selfMutationProject]) {
    const reason = 'CodeBuild names the log streams and report groups of this one project at run time.';
    acknowledge(pipeline, wildcardResource(pipeline, arn('logs', `log-group:/aws/codebuild/${project.projectName}:*`)), reason);
    acknowledge(pipeline, wildcardResource(pipeline, arn('codebuild', `report-group/${project.projectName}-*`)), reason);
  }
  const assets = 'The asset-publishing projects are created per asset; CDK grants their role logs and reports of any of them.';
  acknowledge(pipeline, wildcardResource(pipeline, arn('logs', 'log-group:/aws/codebuild/*')), assets);
  acknowledge(pipeline, wildcardResource(pipeline, arn('codebuild', 'report-group/*')), assets);
  acknowledge(pipeline, 'AwsSolutions-IAM5[Resource::*]', 'Self-mutation reads CloudFormation stacks and the asset role lists buckets; neither supports narrower resources before the stacks exist.');
  acknowledge(pipeline, 'AwsSolutions-IAM5[Resource::arn:*:iam::<AWS::AccountId>:role/*]', 'Self-mutation assumes the CDK bootstrap roles (cdk-*-role), whose names carry the bootstrap qualifier.');
  acknowledge(pipeline, 'AwsSolutions-CB4', 'Builds use CodeBuild\'s AWS managed S3 key; a customer managed key ($1/month) only matters for cross-account deploys (crossAccountKeys: false).');
}
