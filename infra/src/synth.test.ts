/**
 * `cdk synth` exactly as `npm run synth` runs it (cdk.json → bin/cruddur.ts), into a temporary
 * directory: the app must synthesize offline, with no account, and produce every stack.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const infraDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-out-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

it('synthesizes every stack with the CDK CLI, offline', { timeout: 300_000 }, () => {
  execFileSync('sh', ['scripts/build-sharp-layer.sh', '--if-missing'], { cwd: infraDir, stdio: 'pipe' });
  execFileSync('npx', ['cdk', 'synth', '--quiet', '--output', out], { cwd: infraDir, stdio: 'pipe', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' } });
  const templates = fs.readdirSync(out).filter((f) => f.endsWith('.template.json')).sort();
  expect(templates).toEqual(
    ['CruddurApi', 'CruddurData', 'CruddurDatabase', 'CruddurHosting', 'CruddurIdentity', 'CruddurOperations', 'CruddurStorage', 'CruddurStreams'].map((s) => `${s}.template.json`),
  );
  const api = JSON.parse(fs.readFileSync(path.join(out, 'CruddurApi.template.json'), 'utf8'));
  const resolvers = Object.values(api.Resources as Record<string, { Type: string }>).filter((r) => r.Type === 'AWS::AppSync::Resolver');
  expect(resolvers.length).toBeGreaterThan(50);
});
