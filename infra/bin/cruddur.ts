/**
 * The CDK app. Environment-agnostic: `cdk synth` needs no AWS account. With `-c githubRepository=…`
 * it synthesizes the pipeline stack, which deploys Cruddur itself; otherwise the Cruddur stacks
 * directly (`npm run deploy`). AWS's security rules (cdk-nag AwsSolutions) run on every synth:
 * an unacknowledged finding stops `cdk synth` and `cdk deploy` with a report.
 */
import { App } from 'aws-cdk-lib';
import { addCruddur } from '../src/cruddur.ts';
import { readConfig } from '../src/config.ts';
import { addNagChecks } from '../src/nag/nag.ts';
import { PipelineStack } from '../src/stacks/pipeline-stack.ts';

const app = new App();
const config = readConfig(app);
addNagChecks(app);
if (config.pipeline) {
  new PipelineStack(app, 'CruddurPipeline', { ...config.pipeline, config });
} else {
  addCruddur(app, config);
}
app.synth();
