/**
 * Subscription filtering as AppSync applies it to each event payload (the mutation's result after
 * the mutation's own selection set):
 *
 * - argument filtering ("Using subscription arguments", aws-appsync-real-time-data.html): every
 *   non-null argument the subscriber supplied equals the same-named top-level payload field;
 * - enhanced filtering (aws-appsync-real-time-enhanced-filtering.html): `filterGroup[]` OR-ed,
 *   `filters[]` inside a group AND-ed, dotted `fieldName` paths into nested objects.
 *
 * When an enhanced filter is set, argument filtering is NOT applied: "With enhance filtering, you
 * write your filters in your resolver and the client filters are not applied" (AWS AppSync team,
 * aws/aws-appsync-community#89, 2023-12-14). The docs' examples copy `ctx.args` into the filter
 * for that reason.
 */
import type { SubscriptionFilter } from '../engine/types.ts';

type Filter = SubscriptionFilter['filterGroup'][number]['filters'][number];

export const FILTER_LIMITS = {
  groups: 10,
  filtersPerGroup: 5,
  inValues: 5,
  containsAnyValues: 20,
  pathDepth: 5,
  fieldNameLength: 256,
} as const;

export const OPERATORS = [
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'notContains', 'beginsWith', 'in', 'notIn', 'between', 'containsAny',
] as const;
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

/**
 * Checks a filter against AWS's limits. Returns null when valid, otherwise the message AppSync
 * sends in the `start` error (wording of the two observed messages: amplify-category-api#740,
 * amplify-flutter#6142; the others follow the same pattern).
 */
export function validateFilter(filter: SubscriptionFilter): string | null {
  const groups = filter?.filterGroup;
  if (!Array.isArray(groups)) return 'Invalid subscription filter: filterGroup must be a list';
  if (groups.length > FILTER_LIMITS.groups) {
    return `Filters exceed maximum filter group limit ${FILTER_LIMITS.groups} for subscription`;
  }
  for (const group of groups) {
    const filters = group?.filters;
    if (!Array.isArray(filters)) return 'Invalid subscription filter: filters must be a list';
    if (filters.length > FILTER_LIMITS.filtersPerGroup) {
      return `Filters exceed maximum attributes limit ${FILTER_LIMITS.filtersPerGroup} for subscription`;
    }
    for (const f of filters) {
      const problem = validateOne(f);
      if (problem) return problem;
    }
  }
  return null;
}

function validateOne(f: Filter): string | null {
  if (typeof f?.fieldName !== 'string' || f.fieldName.length === 0) return 'Invalid subscription filter: fieldName is required';
  if (f.fieldName.length > FILTER_LIMITS.fieldNameLength) {
    return `Filter field name exceeds maximum length ${FILTER_LIMITS.fieldNameLength} for subscription`;
  }
  if (f.fieldName.split('.').length > FILTER_LIMITS.pathDepth) {
    return `Filter field name exceeds maximum nesting depth ${FILTER_LIMITS.pathDepth} for subscription`;
  }
  if (!OPERATOR_SET.has(f.operator)) return `Invalid subscription filter: unsupported operator \`${f.operator}\``;
  const v = f.value;
  switch (f.operator) {
    case 'in':
    case 'notIn':
      if (!Array.isArray(v)) return `Invalid subscription filter: operator \`${f.operator}\` needs a list`;
      if (v.length > FILTER_LIMITS.inValues) {
        return `subscription exceeds maximum value limit ${FILTER_LIMITS.inValues} for operator \`${f.operator}\`.`;
      }
      return null;
    case 'containsAny':
      if (!Array.isArray(v)) return 'Invalid subscription filter: operator `containsAny` needs a list';
      if (v.length > FILTER_LIMITS.containsAnyValues) {
        return `subscription exceeds maximum value limit ${FILTER_LIMITS.containsAnyValues} for operator \`containsAny\`.`;
      }
      return null;
    case 'between':
      return Array.isArray(v) && v.length === 2 ? null : 'Invalid subscription filter: operator `between` needs [low, high]';
    default:
      return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a dotted path (`a.b.c`); undefined when any step is missing. */
export function readPath(payload: unknown, path: string): unknown {
  let cur: unknown = payload;
  for (const key of path.split('.')) {
    if (!isRecord(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Scalar equality as JSON sees it (AppSync compares JSON values; no coercion between types). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function ordered(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function contains(field: unknown, value: unknown): boolean {
  if (typeof field === 'string' && typeof value === 'string') return field.includes(value);
  if (Array.isArray(field)) return field.some((x) => same(x, value));
  return false;
}

/**
 * One filter against a payload. A missing field fails every positive test (`eq`, `lt`,
 * `contains`, `in`, …) and passes the negative ones (`ne`, `notContains`, `notIn`).
 */
export function matchesOne(f: Filter, payload: unknown): boolean {
  const field = readPath(payload, f.fieldName);
  const v = f.value;
  switch (f.operator) {
    case 'eq':
      return field !== undefined && same(field, v);
    case 'ne':
      return !same(field, v);
    case 'lt': { const c = ordered(field, v); return c !== null && c < 0; }
    case 'le': { const c = ordered(field, v); return c !== null && c <= 0; }
    case 'gt': { const c = ordered(field, v); return c !== null && c > 0; }
    case 'ge': { const c = ordered(field, v); return c !== null && c >= 0; }
    case 'contains':
      return contains(field, v);
    case 'notContains':
      return !contains(field, v);
    case 'beginsWith':
      return typeof field === 'string' && typeof v === 'string' && field.startsWith(v);
    case 'in':
      return field !== undefined && Array.isArray(v) && v.some((x) => same(field, x));
    case 'notIn':
      return !(Array.isArray(v) && v.some((x) => same(field, x)));
    case 'between': {
      if (!Array.isArray(v) || v.length !== 2) return false;
      const lo = ordered(field, v[0]);
      const hi = ordered(field, v[1]);
      return lo !== null && hi !== null && lo >= 0 && hi <= 0;
    }
    case 'containsAny':
      return Array.isArray(v) && v.some((x) => contains(field, x));
    default:
      return false;
  }
}

/** Groups OR, filters within a group AND. An empty `filterGroup` lets everything through. */
export function matchesFilter(filter: SubscriptionFilter, payload: unknown): boolean {
  const groups = filter.filterGroup;
  if (groups.length === 0) return true;
  return groups.some((g) => g.filters.every((f) => matchesOne(f, payload)));
}

/** AppSync's argument filter: every supplied (non-null) argument equals the payload's field. */
export function matchesArguments(args: Record<string, unknown>, payload: unknown): boolean {
  for (const key in args) {
    const want = args[key];
    if (want === null || want === undefined) continue;
    if (!isRecord(payload) || !same(payload[key], want)) return false;
  }
  return true;
}

/** The decision for one subscriber: enhanced filter if set (arguments ignored), else arguments. */
export function shouldDeliver(
  sub: { args: Record<string, unknown>; filter?: SubscriptionFilter },
  payload: unknown,
): boolean {
  return sub.filter ? matchesFilter(sub.filter, payload) : matchesArguments(sub.args, payload);
}
