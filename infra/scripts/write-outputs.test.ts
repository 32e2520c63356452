import { Amplify } from 'aws-amplify';
import { describe, expect, it } from 'vitest';
import { buildAmplifyOutputs } from '../../definitions/amplify-outputs.ts';
import { api } from '../../definitions/api.ts';
import { userPool } from '../../definitions/user-pool.ts';
import { buildOutputs } from '../../local/src/outputs/amplify-outputs.ts';
import { cloudOutputs } from './write-outputs.ts';

const deployed = {
  CruddurApi: { GraphQLUrl: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql', Region: 'eu-west-1' },
  CruddurIdentity: { UserPoolId: 'eu-west-1_AbCdEf123', UserPoolClientId: '1h2j3k4l5m6n7o8p9q0r1s2t3u' },
  CruddurStorage: { UploadsBucketName: 'cruddur-uploads-abc123' },
  CruddurHosting: { WebUrl: 'https://d111111abcdef8.cloudfront.net', AssetsUrl: 'https://d222222abcdef8.cloudfront.net' },
};

const offline = buildOutputs({
  region: 'us-east-1',
  graphqlUrl: 'http://localhost:20002/graphql',
  realtimeUrl: 'wss://localhost:20002/graphql/realtime',
  cognito: { endpoint: 'http://localhost:9229', userPoolId: userPool.local.userPoolId, userPoolClientId: userPool.local.clientId },
  storage: { endpoint: 'http://localhost:4569', bucketName: 'cruddur-uploads' },
}, (endpoints) => buildAmplifyOutputs(endpoints, { api, userPool }));

/** Every key path of a JSON document, values left out (arrays by their elements' shapes). */
function shape(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => shape(v, `${at}[]`)))];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [`${at}.${k}`, ...shape(v, `${at}.${k}`)]);
  return [];
}

describe('amplify_outputs.json from stack outputs', () => {
  it('configures the real Amplify client for the deployed API and pool', () => {
    Amplify.configure(cloudOutputs(deployed));
    const config = Amplify.getConfig();
    expect(config.API?.GraphQL).toMatchObject({ endpoint: deployed.CruddurApi.GraphQLUrl, region: 'eu-west-1', defaultAuthMode: 'lambda' });
    expect(config.Auth?.Cognito).toMatchObject({ userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: '1h2j3k4l5m6n7o8p9q0r1s2t3u', loginWith: { email: true } });
  });

  it('names exactly the auth modes the API has, never one it lacks', () => {
    const { data } = cloudOutputs(deployed);
    const declared = [api.defaultAuthMode, ...api.additionalAuthModes];
    expect([data!.default_authorization_type, ...data!.authorization_types]).toEqual(declared);
    // Decision 012: a user-pool mode would route every JWT past the Lambda authorizer.
    expect(data!.authorization_types).not.toContain('AMAZON_COGNITO_USER_POOLS');
  });

  it('states the pool as definitions/user-pool.ts declares it', () => {
    const { auth } = cloudOutputs(deployed);
    expect(auth).toMatchObject({
      username_attributes: userPool.usernameAttributes,
      user_verification_types: userPool.autoVerifiedAttributes,
      standard_required_attributes: userPool.standardAttributes.filter((a) => a.required).map((a) => a.name),
      password_policy: { min_length: userPool.passwordPolicy.minimumLength, require_symbols: userPool.passwordPolicy.requireSymbols },
    });
  });

  it('has the shape the offline stack writes: the same document with other endpoints', () => {
    const cloud = cloudOutputs(deployed);
    const { custom: cloudCustom, ...cloudRest } = cloud;
    const { custom: offlineCustom, ...offlineRest } = offline;
    expect(shape(cloudRest)).toEqual(shape(offlineRest));
    expect(cloud.version).toBe(offline.version);
    expect(cloud.data!.authorization_types).toEqual(offline.data!.authorization_types);
    expect(cloud.auth!.password_policy).toEqual(offline.auth!.password_policy);
    // Only `custom` differs in kind: offline endpoints there, CDN URLs in the cloud.
    expect(cloudCustom).toMatchObject({ offline: false });
    expect(offlineCustom).toMatchObject({ offline: true });
  });

  it('names the missing output when a stack was not deployed', () => {
    expect(() => cloudOutputs({ CruddurApi: deployed.CruddurApi })).toThrow(/UserPoolId/);
  });
});
