/**
 * Chooses the parity suite's target, once per run. With CRUDDUR_OUTPUTS set (`npm run test:cloud`
 * sets it to the `amplify_outputs.json` that `npm run deploy` writes) the suite talks to whatever
 * that file describes; without it (`npm test`) an offline stack is started on ephemeral ports and
 * its outputs written to a temporary file. Either way the tests receive only that file's path:
 * they cannot tell the targets apart except by what the file says.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The amplify_outputs.json the parity scenarios run against. */
    parityOutputsFile: string;
    /** The started offline stack's IAM key, which signs the pool's Admin calls; unset for CRUDDUR_OUTPUTS. */
    parityLocalCredential?: { accessKeyId: string; secretAccessKey: string };
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.CRUDDUR_OUTPUTS;
  if (given) {
    const file = path.resolve(given);
    if (!fs.existsSync(file)) throw new Error(`CRUDDUR_OUTPUTS: no such file ${file}`);
    project.provide('parityOutputsFile', file);
    return undefined;
  }
  // The offline Lambdas log through Powertools; keep warnings only, as tests do (Lambda's log level control).
  const [{ startStack }, { writeOutputs }] = await Promise.all([import('../local/src/stack.ts'), import('../local/src/outputs/amplify-outputs.ts')]);
  const stack = await startStack({ ports: {}, log: 'silent', functionLogLevel: 'WARN' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-parity-'));
  const file = path.join(dir, 'amplify_outputs.json');
  await writeOutputs(file, stack.outputs);
  project.provide('parityOutputsFile', file);
  project.provide('parityLocalCredential', { ...stack.iamCredential });
  return async () => {
    await stack.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
