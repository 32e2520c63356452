/**
 * Crud images in the cloud, synthesized offline and asserted: the thumbnailer may write
 * renditions under media/, the fan-out consumer may delete them (and knows the bucket), and the
 * assets bucket expires media/ after the longest crud lifetime as a backstop.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { mediaRules } from '../../definitions/media.ts';
import { addCruddur } from './cruddur.ts';

const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const stacks = addCruddur(app, { stage: 'dev', monthlyBudgetUsd: 10, sharpLayerArn: 'arn:aws:lambda:us-east-1:123456789012:layer:sharp-arm64:3' });
// Synthesized once while the file is collected (no per-test timeout: synthesis takes a while on a busy machine).
const hosting = Template.fromStack(stacks.hosting);
const storage = Template.fromStack(stacks.storage);
const streams = Template.fromStack(stacks.streams);

type Statement = { Action: string | string[]; Resource: unknown };
const statements = (template: Template, rolePrefix: string): Statement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(rolePrefix))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const grants = (list: Statement[], action: string) => list.filter((s) => [s.Action].flat().includes(action)).map((s) => JSON.stringify(s.Resource));

describe('crud images in infra', () => {
  it('expires the assets bucket’s media/ after the longest crud lifetime, as a backstop', () => {
    expect(mediaRules.lifecycleDays).toBeGreaterThan(30);
    hosting.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'expire-crud-media', Prefix: 'media/', ExpirationInDays: mediaRules.lifecycleDays, Status: 'Enabled' })]) },
    });
  });

  it('lets the thumbnailer put renditions under media/', () => {
    const put = grants(statements(storage, 'Thumbnail'), 's3:PutObject');
    expect(put.join()).toContain('/media/*');
  });

  // Role references use the logical id: the construct id's alphanumerics (`feed-fanout` → `feedfanout…`).
  it('lets the fan-out consumer, and only it, delete media/* objects, with ASSETS_BUCKET set', () => {
    const deletes = grants(statements(streams, 'feedfanout'), 's3:DeleteObject');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toContain('/media/*');
    expect(grants(statements(streams, 'publish'), 's3:DeleteObject')).toEqual([]);
    const fanout = Object.values(streams.findResources('AWS::Lambda::Function')).find((f) => JSON.stringify(f.Properties.Environment).includes('ASSETS_BUCKET'));
    expect(fanout).toBeDefined();
  });
});
