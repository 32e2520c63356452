/**
 * After `cdk deploy --outputs-file cdk-outputs.json`, writes the repo-root `amplify_outputs.json`
 * from the stacks' outputs, so the web app and tests talk to the cloud with no code change.
 * Usage: tsx scripts/write-outputs.ts cdk-outputs.json
 */
import fs from 'node:fs';
import path from 'node:path';
import { userPool } from '../../definitions/user-pool.ts';
import { writeOutputs, type AmplifyOutputs } from '../../local/src/outputs/amplify-outputs.ts';
import { repoRoot } from '../src/constructs/node-function.ts';

type StackOutputs = Record<string, Record<string, string>>;

export function cloudOutputs(stacks: StackOutputs): AmplifyOutputs {
  const find = (key: string): string => {
    for (const outputs of Object.values(stacks)) if (outputs[key]) return outputs[key];
    throw new Error(`no stack output named ${key}; was every Cruddur stack deployed?`);
  };
  const region = find('Region');
  const policy = userPool.passwordPolicy;
  return {
    version: '1.4',
    auth: {
      aws_region: region,
      user_pool_id: find('UserPoolId'),
      user_pool_client_id: find('UserPoolClientId'),
      password_policy: {
        min_length: policy.minimumLength,
        require_numbers: policy.requireNumbers,
        require_lowercase: policy.requireLowercase,
        require_uppercase: policy.requireUppercase,
        require_symbols: policy.requireSymbols,
      },
      standard_required_attributes: userPool.standardAttributes.filter((a) => a.required).map((a) => a.name),
      username_attributes: ['email'],
      user_verification_types: ['email'],
      unauthenticated_identities_enabled: false,
      mfa_configuration: 'NONE',
    },
    data: {
      aws_region: region,
      url: find('GraphQLUrl'),
      default_authorization_type: 'AWS_LAMBDA',
      authorization_types: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
    },
    custom: { offline: false, web_url: find('WebUrl'), assets_url: find('AssetsUrl') },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const file = process.argv[2] ?? 'cdk-outputs.json';
  const stacks = JSON.parse(fs.readFileSync(file, 'utf8')) as StackOutputs;
  await writeOutputs(path.join(repoRoot, 'amplify_outputs.json'), cloudOutputs(stacks));
  console.log(`wrote ${path.join(repoRoot, 'amplify_outputs.json')}`);
}
