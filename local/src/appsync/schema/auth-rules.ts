/**
 * AppSync's authorization directive rules ("security-authz.html", "Using additional authorization
 * modes"): a field's own directives decide; without any, its type's directives decide; an
 * element with neither admits only the API's default mode. `@aws_cognito_user_pools(cognito_groups:)`
 * and `@aws_auth(cognito_groups:)` further require membership of one of the listed groups.
 */
import type { ConstDirectiveNode, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import type { AuthContext, AuthMode } from '../auth/types.ts';
import { authDirectiveModes } from './directives.ts';

/** Who may read one field. `groups` is set only when Cognito access is limited to groups. */
export interface FieldAuthRule {
  modes: ReadonlySet<AuthMode>;
  cognitoGroups?: readonly string[];
  /** True when the rule came from the default mode (no directive on field or type). */
  implicit: boolean;
}

interface ParsedDirectives {
  modes: Set<AuthMode>;
  groups?: string[];
}

function parseAuthDirectives(nodes: readonly ConstDirectiveNode[] | undefined, rootField = false): ParsedDirectives | undefined {
  if (!nodes) return undefined;
  let found: ParsedDirectives | undefined;
  for (const d of nodes) {
    // `@aws_auth` predates multi-auth and only takes effect on top-level fields (AWS answer on
    // re:Post "field level access control in schema"; aws/aws-appsync-community#275).
    if (d.name.value === 'aws_auth' && !rootField) continue;
    const mode = authDirectiveModes[d.name.value as keyof typeof authDirectiveModes];
    if (!mode) continue;
    found ??= { modes: new Set() };
    found.modes.add(mode);
    const arg = d.arguments?.find((a) => a.name.value === 'cognito_groups');
    if (arg && arg.value.kind === 'ListValue') {
      found.groups = [...(found.groups ?? []), ...arg.value.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : []))];
    }
  }
  return found;
}

/** Precomputes the rule of every field of every object type, keyed `Type.field`. */
export function computeAuthRules(schema: GraphQLSchema, defaultMode: AuthMode): Map<string, FieldAuthRule> {
  const rules = new Map<string, FieldAuthRule>();
  const implicit: FieldAuthRule = { modes: new Set([defaultMode]), implicit: true };
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = roots.has(type);
    const typeRule = parseAuthDirectives(type.astNode?.directives);
    const extensionRules = (type.extensionASTNodes ?? []).map((n) => parseAuthDirectives(n.directives)).filter(Boolean);
    const merged = mergeRules([typeRule, ...extensionRules]);
    for (const field of Object.values(type.getFields())) {
      const own = parseAuthDirectives(field.astNode?.directives, isRoot);
      const chosen = own ?? merged;
      rules.set(`${type.name}.${field.name}`, chosen ? { modes: chosen.modes, cognitoGroups: chosen.groups, implicit: false } : implicit);
    }
  }
  return rules;
}

function mergeRules(parts: (ParsedDirectives | undefined)[]): ParsedDirectives | undefined {
  let out: ParsedDirectives | undefined;
  for (const p of parts) {
    if (!p) continue;
    out ??= { modes: new Set() };
    for (const m of p.modes) out.modes.add(m);
    if (p.groups) out.groups = [...(out.groups ?? []), ...p.groups];
  }
  return out;
}

/** True when `auth` may read a field governed by `rule`. */
export function isAllowed(rule: FieldAuthRule, auth: AuthContext): boolean {
  if (!rule.modes.has(auth.mode)) return false;
  if (auth.mode === 'AMAZON_COGNITO_USER_POOLS' && rule.cognitoGroups && rule.cognitoGroups.length > 0) {
    const mine = auth.cognitoGroups ?? [];
    return rule.cognitoGroups.some((g) => mine.includes(g));
  }
  return true;
}
