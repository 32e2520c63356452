import { Amplify } from 'aws-amplify';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { localOutboxUrl, OfflineCodeHint } from './offline-code-hint.tsx';

const cognito = { userPoolId: 'us-east-1_Example', userPoolClientId: 'client' };

afterEach(() => Amplify.configure({}));

describe('offline code hint', () => {
  it('links the local outbox for the email typed, when the pool is the offline one', () => {
    Amplify.configure({ Auth: { Cognito: { ...cognito, userPoolEndpoint: 'http://127.0.0.1:9229/' } } });
    expect(localOutboxUrl(' new+person@example.com ')).toBe('http://127.0.0.1:9229/_local/outbox?email=new%2Bperson%40example.com');
    expect(localOutboxUrl('')).toBe('http://127.0.0.1:9229/_local/outbox');
    expect(renderToStaticMarkup(<OfflineCodeHint email="a@b.test" />)).toContain('href="http://127.0.0.1:9229/_local/outbox?email=a%40b.test"');
  });

  it('says nothing against AWS, where the code is really emailed', () => {
    Amplify.configure({ Auth: { Cognito: cognito } });
    expect(localOutboxUrl('a@b.test')).toBeUndefined();
    expect(renderToStaticMarkup(<OfflineCodeHint email="a@b.test" />)).toBe('');
  });
});
