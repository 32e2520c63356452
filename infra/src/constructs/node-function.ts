/**
 * A Lambda function from a handler reference in `lambdas/` (`lambdas/x/index.ts#handler`, the same
 * reference the offline stack invokes in-process), bundled locally with esbuild — no Docker — and
 * instrumented the same way everywhere: Node 24 (Lambda's current LTS runtime; nodejs20.x is deprecated) on arm64, X-Ray active tracing, Powertools env.
 * Each function has its own role that may write only to its own log group (no AWS managed
 * AWSLambdaBasicExecutionRole, whose logs grant is account-wide).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag/nag.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface NodeFunctionProps {
  /** `lambdas/<name>/index.ts#<export>` */
  handler: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /** Lambda's reserved concurrency (none: the function shares the account's unreserved pool). */
  reservedConcurrentExecutions?: number;
  /** Packages that must not be bundled (e.g. native modules shipped in a layer). */
  externalModules?: string[];
  /** Repo-relative files copied next to the bundle (read at run time from /var/task). */
  copyFiles?: string[];
  /** Repo-relative folders copied into the bundle at the same relative path (/var/task/<dir>); a missing folder copies as empty. */
  copyDirs?: string[];
}

export function splitHandlerRef(ref: string): { file: string; exportName: string } {
  const [file, exportName = 'handler'] = ref.split('#');
  return { file, exportName };
}

export class NodeFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    const { file, exportName } = splitHandlerRef(props.handler);
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
    const role = new iam.Role(scope, `${id}ServiceRole`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: {
        // The log group exists before the function, so CreateLogGroup is not needed.
        logs: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] })] }),
      },
    });
    super(scope, id, {
      entry: path.join(repoRoot, file),
      handler: exportName,
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        POWERTOOLS_SERVICE_NAME: id,
        POWERTOOLS_METRICS_NAMESPACE: 'Cruddur',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: 'node24',
        // ESM bundles that pull in CommonJS dependencies need a require shim.
        banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
        externalModules: ['@aws-sdk/*', ...(props.externalModules ?? [])],
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ...(props.copyFiles ?? []).map((file) => `cp "${path.join(inputDir, file)}" "${path.join(outputDir, path.basename(file))}"`),
            ...(props.copyDirs ?? []).flatMap((dir) => {
              const from = path.join(inputDir, dir);
              const to = path.join(outputDir, dir);
              return [`mkdir -p "${to}"`, `[ ! -d "${from}" ] || cp -R "${from}/." "${to}/"`];
            }),
          ],
        },
      },
    });
    acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (active tracing).');
  }
}
