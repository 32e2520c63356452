import { Amplify } from 'aws-amplify';
import { describe, expect, it } from 'vitest';
import { cloudOutputs } from './write-outputs.ts';

const deployed = {
  CruddurApi: { GraphQLUrl: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql', Region: 'eu-west-1' },
  CruddurIdentity: { UserPoolId: 'eu-west-1_AbCdEf123', UserPoolClientId: '1h2j3k4l5m6n7o8p9q0r1s2t3u' },
  CruddurHosting: { WebUrl: 'https://d111111abcdef8.cloudfront.net', AssetsUrl: 'https://d222222abcdef8.cloudfront.net' },
};

describe('amplify_outputs.json from stack outputs', () => {
  it('configures the real Amplify client for the deployed API and pool', () => {
    Amplify.configure(cloudOutputs(deployed));
    const config = Amplify.getConfig();
    expect(config.API?.GraphQL).toMatchObject({ endpoint: deployed.CruddurApi.GraphQLUrl, region: 'eu-west-1', defaultAuthMode: 'lambda' });
    expect(config.Auth?.Cognito).toMatchObject({ userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: '1h2j3k4l5m6n7o8p9q0r1s2t3u' });
  });

  it('names the missing output when a stack was not deployed', () => {
    expect(() => cloudOutputs({ CruddurApi: deployed.CruddurApi })).toThrow(/UserPoolId/);
  });
});
