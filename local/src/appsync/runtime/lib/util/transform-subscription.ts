/**
 * util.transform.toSubscriptionFilter(filter, ignoredFields?, rules?) → {filterGroup: [{filters}]}.
 * Every operator of a field, every member of an `or` and every rule is an alternative, so the
 * groups multiply out; `and` members and sibling fields AND together. Unlike the DynamoDB filter
 * object, `not` is just a field name here. Behaviour from AppSync's EvaluateCode output.
 */
interface Filter { fieldName: string; operator: string; value: unknown }
type Groups = Filter[][];

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cross(left: Groups, right: Groups): Groups {
  const out: Groups = [];
  for (const l of left) for (const r of right) out.push([...l, ...r]);
  return out;
}

function groupsOf(filter: Record<string, unknown>, ignored: string[]): Groups {
  let groups: Groups = [[]];
  for (const [key, v] of Object.entries(filter)) {
    if (key === 'and' && Array.isArray(v)) {
      for (const member of v) if (isMap(member)) groups = cross(groups, groupsOf(member, ignored));
    } else if (key === 'or' && Array.isArray(v)) {
      const alternatives: Groups = [];
      for (const member of v) if (isMap(member)) alternatives.push(...groupsOf(member, ignored));
      groups = cross(groups, alternatives);
    } else if (!ignored.includes(key) && isMap(v)) {
      groups = cross(groups, Object.entries(v).map(([operator, value]) => [{ fieldName: key, operator, value }]));
    }
  }
  return groups;
}

export function toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): unknown {
  if (!isMap(filter)) return null;
  const ignored = Array.isArray(ignoredFields) ? ignoredFields.map(String) : [];
  let groups = groupsOf(filter, ignored);
  if (isMap(rules)) {
    const alternatives: Groups = [];
    for (const [field, ops] of Object.entries(rules)) {
      if (isMap(ops)) for (const [operator, value] of Object.entries(ops)) alternatives.push([{ fieldName: field, operator, value }]);
    }
    if (alternatives.length > 0) groups = cross(groups, alternatives);
  }
  return { filterGroup: groups.filter((g) => g.length > 0).map((filters) => ({ filters })) };
}
