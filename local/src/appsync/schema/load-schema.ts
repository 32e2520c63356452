/**
 * Loads a schema written in AppSync's dialect and rejects what AppSync rejects when a schema is
 * created (developer guide: "scalars.html", "security-authz.html", "aws-appsync-real-time-data.html";
 * quotas: schema document ≤ 1 MB).
 */
import {
  buildASTSchema, concatAST, getNamedType, GraphQLError, isObjectType, isScalarType, parse,
  type DocumentNode, type GraphQLSchema,
} from 'graphql';
import { appsyncPrelude, preludeNames } from './directives.ts';
import { awsScalars } from './scalars.ts';

export const MAX_SCHEMA_BYTES = 1024 * 1024;

export interface LoadedSchema {
  schema: GraphQLSchema;
  /** Mutation field → subscription fields whose `@aws_subscribe` names it. */
  subscriptionsByMutation: ReadonlyMap<string, readonly string[]>;
  /** Subscription field → mutations named in its `@aws_subscribe`. */
  mutationsBySubscription: ReadonlyMap<string, readonly string[]>;
}

/** Thrown for a schema AppSync would refuse; `errors` lists every problem found. */
export class SchemaError extends Error {
  constructor(readonly errors: string[]) {
    super(`Invalid schema: ${errors.join('; ')}`);
    this.name = 'SchemaError';
  }
}

const preludeAst = parse(appsyncPrelude, { noLocation: true });

/** Parses, builds and checks an AppSync-dialect SDL document. Throws {@link SchemaError}. */
export function loadSchema(source: string): LoadedSchema {
  if (Buffer.byteLength(source) > MAX_SCHEMA_BYTES) throw new SchemaError(['Schema document exceeds 1 MB']);
  let userAst: DocumentNode;
  try {
    userAst = parse(source);
  } catch (err) {
    throw new SchemaError([(err as GraphQLError).message]);
  }
  const problems: string[] = [];
  for (const def of userAst.definitions) {
    if ('name' in def && def.name && preludeNames.has(def.name.value)) {
      problems.push(`'${def.name.value}' is built into AppSync and must not be redeclared`);
    }
  }
  if (problems.length) throw new SchemaError(problems);
  let schema: GraphQLSchema;
  try {
    schema = buildASTSchema(concatAST([preludeAst, userAst]));
  } catch (err) {
    throw new SchemaError([(err as Error).message]);
  }
  if (!schema.getQueryType()) problems.push('A schema must define a Query type');
  installScalars(schema);
  const { subscriptionsByMutation, mutationsBySubscription } = checkSubscriptions(schema, problems);
  if (problems.length) throw new SchemaError(problems);
  return { schema, subscriptionsByMutation, mutationsBySubscription };
}

/** Replaces the prelude's placeholder scalars with AppSync's validating implementations. */
function installScalars(schema: GraphQLSchema): void {
  for (const [name, impl] of Object.entries(awsScalars)) {
    const t = schema.getType(name);
    if (!t || !isScalarType(t)) continue;
    t.serialize = impl.serialize;
    t.parseValue = impl.parseValue;
    t.parseLiteral = impl.parseLiteral;
    t.description = impl.description;
  }
}

function checkSubscriptions(schema: GraphQLSchema, problems: string[]) {
  const subscriptionsByMutation = new Map<string, string[]>();
  const mutationsBySubscription = new Map<string, string[]>();
  const mutationType = schema.getMutationType();
  const subscriptionType = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const d = field.astNode?.directives?.find((x) => x.name.value === 'aws_subscribe');
      if (!d) continue;
      if (type !== subscriptionType) {
        problems.push(`@aws_subscribe is only allowed on fields of the subscription type (found on ${type.name}.${field.name})`);
        continue;
      }
      const arg = d.arguments?.find((a) => a.name.value === 'mutations');
      const names = arg && arg.value.kind === 'ListValue' ? arg.value.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : [])) : [];
      for (const m of names) {
        const mField = mutationType?.getFields()[m];
        if (!mField) {
          problems.push(`${type.name}.${field.name}: @aws_subscribe names mutation '${m}', which is not defined on the mutation type`);
          continue;
        }
        // AppSync requires the subscription to return the mutation's type.
        if (getNamedType(mField.type) !== getNamedType(field.type)) {
          problems.push(
            `${type.name}.${field.name} returns ${getNamedType(field.type).name} but mutation '${m}' returns ${getNamedType(mField.type).name}; a subscription must return the type of the mutations it subscribes to`,
          );
          continue;
        }
        subscriptionsByMutation.set(m, [...(subscriptionsByMutation.get(m) ?? []), field.name]);
      }
      mutationsBySubscription.set(field.name, names);
    }
  }
  return { subscriptionsByMutation, mutationsBySubscription };
}
