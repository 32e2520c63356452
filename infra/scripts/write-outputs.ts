/**
 * After `cdk deploy --outputs-file cdk-outputs.json`, writes the repo-root `amplify_outputs.json`
 * from the stacks' outputs, so the web app and tests talk to the cloud with no code change.
 * Usage: tsx scripts/write-outputs.ts cdk-outputs.json
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildAmplifyOutputs, type AmplifyOutputs } from '../../definitions/amplify-outputs.ts';
import { writeOutputs } from '../../local/src/outputs/amplify-outputs.ts';
import { repoRoot } from '../src/constructs/node-function.ts';

type StackOutputs = Record<string, Record<string, string>>;

/** The deployed stacks' outputs through the builder the offline stack uses (definitions/amplify-outputs.ts). */
export function cloudOutputs(stacks: StackOutputs): AmplifyOutputs {
  const find = (key: string): string => {
    for (const outputs of Object.values(stacks)) if (outputs[key]) return outputs[key];
    throw new Error(`no stack output named ${key}; was every Cruddur stack deployed?`);
  };
  return buildAmplifyOutputs({
    region: find('Region'),
    graphqlUrl: find('GraphQLUrl'),
    userPool: { userPoolId: find('UserPoolId'), userPoolClientId: find('UserPoolClientId') },
    storage: { bucketName: find('UploadsBucketName') },
    custom: { offline: false, web_url: find('WebUrl'), assets_url: find('AssetsUrl') },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const file = process.argv[2] ?? 'cdk-outputs.json';
  const stacks = JSON.parse(fs.readFileSync(file, 'utf8')) as StackOutputs;
  await writeOutputs(path.join(repoRoot, 'amplify_outputs.json'), cloudOutputs(stacks));
  console.log(`wrote ${path.join(repoRoot, 'amplify_outputs.json')}`);
}
