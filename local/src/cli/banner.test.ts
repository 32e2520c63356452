import { describe, expect, it } from 'vitest';
import { startBanner, type BannerInfo } from './banner.ts';

const info: BannerInfo = {
  urls: { graphql: 'http://localhost:20002/graphql', realtime: 'ws://localhost:20002/graphql/realtime', explorer: 'http://localhost:20002/', cognito: 'http://localhost:9229' },
  dataDir: '/tmp/.cruddur',
  outputsFile: '/repo/amplify_outputs.json',
  demoUsers: [{ email: 'andrewbrown@cruddur.test', password: 'Cruddur-Andrew-1' }],
  prettyLogs: true,
};

describe('startBanner', () => {
  it('says where everything is, who to sign in as and where codes appear', () => {
    const text = startBanner({ ...info, webUrl: 'http://localhost:5173' });
    expect(text).toContain('  Web app     http://localhost:5173\n');
    expect(text).toContain('  GraphQL     http://localhost:20002/graphql\n');
    expect(text).toContain('  andrewbrown@cruddur.test     Cruddur-Andrew-1\n');
    expect(text).toContain('listed at http://localhost:9229/_local/outbox?email=<email>');
    expect(text).toContain('LOG_FORMAT=json for JSON lines');
  });

  it('stays short, and leaves out what is not running', () => {
    const text = startBanner({ ...info, urls: { ...info.urls, cognito: undefined }, demoUsers: [], prettyLogs: false });
    expect(text).not.toMatch(/Web app|Cognito|Demo users|outbox/);
    expect(text).toContain('Logs: JSON lines');
    expect(startBanner({ ...info, webUrl: 'x' }).split('\n').length).toBeLessThan(25);
  });
});
