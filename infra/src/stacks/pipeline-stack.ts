/**
 * CI/CD: a self-mutating CDK pipeline from a GitHub connection (CodeStar Connections) that installs,
 * runs the tests that need no browser, synthesizes, and deploys the Cruddur stage.
 */
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CodePipeline, CodePipelineSource, ShellStep } from 'aws-cdk-lib/pipelines';
import type { Construct } from 'constructs';
import { accessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { CruddurStage, type CruddurConfig } from '../cruddur.ts';
import { acknowledgePipeline } from './pipeline-nag.ts';

export interface PipelineStackProps extends StackProps {
  /** `owner/name` on GitHub. */
  repository: string;
  branch: string;
  /** ARN of an AWS CodeConnections (CodeStar) connection to GitHub. */
  connectionArn: string;
  config: CruddurConfig;
}

export class PipelineStack extends Stack {
  readonly pipeline: CodePipeline;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const artifactBucket = new s3.Bucket(this, 'ArtifactsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogsBucket(this, true),
      serverAccessLogsPrefix: 's3/artifacts/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.pipeline = new CodePipeline(this, 'Pipeline', {
      pipelineName: 'cruddur',
      crossAccountKeys: false,
      artifactBucket,
      synth: new ShellStep('Synth', {
        input: CodePipelineSource.connection(props.repository, props.branch, { connectionArn: props.connectionArn }),
        installCommands: ['npm ci --no-audit --no-fund'],
        // The browser suite runs in the repo's own CI (.ci/run); the pipeline gates on everything else.
        commands: ['npm run typecheck', 'npx vitest run --exclude "e2e/**"', 'npm run synth'],
        primaryOutputDirectory: 'infra/cdk.out',
      }),
      codeBuildDefaults: { buildEnvironment: { buildImage: codebuild.LinuxBuildImage.STANDARD_7_0 } },
    });
    this.pipeline.addStage(new CruddurStage(this, 'Prod', props.config, { env: props.env }));
    // Built now (not lazily at synth) so its generated projects can be named in acknowledgments.
    this.pipeline.buildPipeline();
    acknowledgePipeline(this.pipeline, artifactBucket);
  }
}
