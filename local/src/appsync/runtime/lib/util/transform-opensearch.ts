/**
 * util.transform.toElasticsearchQueryDSL(filter) → the OpenSearch Query DSL as JSON text. The
 * documented example (developer guide, "Transformation helpers in util.transform") fixes the shape:
 * fields AND together under `bool.must`, a field's operators AND together under its own
 * `bool.must`, `eq` is a `term`, `ne` a `bool.must_not` term, `range: [a, b]` a gte/lte range.
 * Chosen where the guide shows nothing: a field with a single operator contributes that clause
 * unwrapped, `or` becomes `bool.should`, `not` `bool.must_not`, unknown operators and non-object
 * inputs yield null (as the DynamoDB transforms do).
 */
type Clause = Record<string, unknown>;

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const REJECT = { rejected: true };

function operator(field: string, op: string, value: unknown): Clause {
  switch (op) {
    case 'eq': return { term: { [field]: value } };
    case 'ne': return { bool: { must_not: { term: { [field]: value } } } };
    case 'gt': case 'gte': case 'lt': case 'lte': return { range: { [field]: { [op]: value } } };
    case 'range':
      if (!Array.isArray(value) || value.length !== 2) throw REJECT;
      return { range: { [field]: { gte: value[0], lte: value[1] } } };
    case 'match': return { match: { [field]: value } };
    case 'matchPhrase': return { match_phrase: { [field]: value } };
    case 'matchPhrasePrefix': return { match_phrase_prefix: { [field]: value } };
    case 'multiMatch': return { multi_match: { query: value, fields: [field] } };
    case 'wildcard': return { wildcard: { [field]: value } };
    case 'regexp': return { regexp: { [field]: value } };
    case 'exists':
      if (typeof value !== 'boolean') throw REJECT;
      return value ? { exists: { field } } : { bool: { must_not: { exists: { field } } } };
    default: throw REJECT;
  }
}

function clauses(filter: Record<string, unknown>): Clause[] {
  const out: Clause[] = [];
  for (const [key, v] of Object.entries(filter)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(v)) throw REJECT;
      const members = v.map((m: unknown) => (isMap(m) ? query(m) : REJECT));
      if (members.includes(REJECT)) throw REJECT;
      out.push({ bool: { [key === 'and' ? 'must' : 'should']: members } });
    } else if (key === 'not') {
      if (!isMap(v)) throw REJECT;
      out.push({ bool: { must_not: query(v) } });
    } else {
      if (!isMap(v)) throw REJECT;
      const ops = Object.entries(v).map(([op, value]) => operator(key, op, value));
      out.push(ops.length === 1 ? ops[0] : { bool: { must: ops } });
    }
  }
  return out;
}

function query(filter: Record<string, unknown>): Clause {
  return { bool: { must: clauses(filter) } };
}

/** The filter as OpenSearch Query DSL JSON text, or null for input AppSync cannot translate. */
export function toElasticsearchQueryDSL(filter: unknown): string | null {
  if (!isMap(filter)) return null;
  try {
    return JSON.stringify(query(filter));
  } catch (e) {
    if (e === REJECT) return null;
    throw e;
  }
}
