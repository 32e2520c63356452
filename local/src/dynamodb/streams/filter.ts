/**
 * Lambda event filtering (FilterCriteria patterns, "Lambda event filtering" page) for stream
 * records: a pattern matches when every key matches; leaf arrays list alternatives, which may be
 * literals or `{prefix}`, `{suffix}`, `{exists}`, `{anything-but}`, `{numeric: [op, v, …]}`.
 */
type Pattern = Record<string, unknown>;

export function matchesAny(patterns: Pattern[] | undefined, record: unknown): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((p) => matches(p, record));
}

function matches(pattern: Pattern, value: unknown): boolean {
  for (const [key, rule] of Object.entries(pattern)) {
    const field = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(rule)) {
      if (!rule.some((alt) => leaf(alt, field))) return false;
    } else if (rule && typeof rule === 'object') {
      if (!matches(rule as Pattern, field)) return false;
    } else if (field !== rule) {
      return false;
    }
  }
  return true;
}

function leaf(alt: unknown, field: unknown): boolean {
  if (alt === null || typeof alt !== 'object') return field === alt || (typeof field === 'string' && typeof alt === 'number' && Number(field) === alt);
  const rule = alt as Record<string, unknown>;
  if ('exists' in rule) return (field !== undefined) === rule.exists;
  if (field === undefined) return false;
  if ('prefix' in rule) return typeof field === 'string' && field.startsWith(String(rule.prefix));
  if ('suffix' in rule) return typeof field === 'string' && field.endsWith(String(rule.suffix));
  if ('anything-but' in rule) {
    const banned = ([] as unknown[]).concat(rule['anything-but']);
    return !banned.includes(field);
  }
  if ('numeric' in rule) {
    const n = Number(field);
    const ops = rule.numeric as (string | number)[];
    for (let i = 0; i + 1 < ops.length; i += 2) {
      const v = Number(ops[i + 1]);
      const ok = { '=': n === v, '<': n < v, '<=': n <= v, '>': n > v, '>=': n >= v }[String(ops[i])];
      if (!ok) return false;
    }
    return true;
  }
  return false;
}
