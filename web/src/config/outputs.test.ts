import { describe, expect, it } from 'vitest';
import { validateOutputs } from './outputs.ts';

const good = {
  version: '1.4',
  auth: { aws_region: 'us-east-1', user_pool_id: 'us-east-1_Local1234', user_pool_client_id: 'abc123' },
  data: {
    aws_region: 'us-east-1',
    url: 'http://localhost:20002/graphql',
    default_authorization_type: 'AWS_LAMBDA',
    authorization_types: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
  },
  custom: { cognito_endpoint: 'http://localhost:9229', storage_endpoint: 'http://localhost:4569' },
};

describe('validateOutputs', () => {
  it('reads the offline stack outputs', () => {
    const r = validateOutputs(good);
    expect(r).toEqual({
      ok: true,
      config: {
        region: 'us-east-1',
        userPoolId: 'us-east-1_Local1234',
        userPoolClientId: 'abc123',
        cognitoEndpoint: 'http://localhost:9229',
        graphqlUrl: 'http://localhost:20002/graphql',
        defaultAuthType: 'AWS_LAMBDA',
        authTypes: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
        storageEndpoint: 'http://localhost:4569',
      },
    });
  });

  it('accepts cloud outputs without a custom block', () => {
    const { custom: _unused, ...cloud } = good;
    const r = validateOutputs({ ...cloud, data: { ...good.data, url: 'https://abc.appsync-api.us-east-1.amazonaws.com/graphql' } });
    expect(r.ok && r.config.cognitoEndpoint).toBe(undefined);
  });

  it('lists every problem at once', () => {
    const r = validateOutputs({ auth: { aws_region: 'us-east-1', user_pool_id: 'nounderscore' }, data: { url: 'ftp://x', default_authorization_type: 'NOPE' }, custom: { cognito_endpoint: 'nope' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        'auth.user_pool_id: expected <region>_<id>',
        'auth.user_pool_client_id: expected a non-empty string',
        'data.url: expected an http(s) URL',
        expect.stringMatching(/^data.default_authorization_type/),
        'custom.cognito_endpoint: expected an http(s) URL',
      ]);
    }
  });

  it('rejects non-objects', () => {
    expect(validateOutputs(null)).toEqual({ ok: false, errors: ['the file must contain a JSON object'] });
  });
});
