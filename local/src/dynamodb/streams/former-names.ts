/**
 * A renamed consumer keeps its place in the stream: a data dir written under a former name holds
 * its checkpoint (and failure log) under that name, and a consumer starting at TRIM_HORIZON with
 * no checkpoint would otherwise replay every record still in the stream.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Renames `<former><suffix>` in `dir` to `<name><suffix>` when only the former exists.
 * Returns the former name adopted, if any.
 */
export function adoptFormerFile(dir: string, name: string, formerNames: readonly string[] | undefined, suffix: string): string | undefined {
  const current = path.join(dir, `${name}${suffix}`);
  if (fs.existsSync(current)) return undefined;
  for (const former of formerNames ?? []) {
    const old = path.join(dir, `${former}${suffix}`);
    if (!fs.existsSync(old)) continue;
    fs.renameSync(old, current);
    return former;
  }
  return undefined;
}
