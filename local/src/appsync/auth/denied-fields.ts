/**
 * A Lambda authorizer's `deniedFields` may name fields by ARN
 * (`arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field>`) or as
 * `Type.field` (developer guide, "security-authz", AWS_LAMBDA authorization). The engine
 * receives them in one form: `Type.field`.
 */
const arnPattern = /^arn:aws[\w-]*:appsync:[^:]*:[^:]*:apis\/[^/]+\/types\/([^/]+)\/fields\/([^/]+)$/;
const shortPattern = /^([_A-Za-z]\w*)\.([_A-Za-z]\w*)$/;

/** Returns `Type.field` entries; anything else is dropped (AppSync ignores what it cannot match). */
export function normaliseDeniedFields(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const entry of value) {
    if (typeof entry !== 'string') continue;
    const m = arnPattern.exec(entry) ?? shortPattern.exec(entry);
    if (m) out.add(`${m[1]}.${m[2]}`);
  }
  return [...out];
}
