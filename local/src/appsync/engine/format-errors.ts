/**
 * Turns graphql-js errors into AppSync's `errors[]` entries. AppSync runs graphql-java, so its
 * wording differs from graphql-js; the common cases are translated to what AppSync returns:
 * field errors `{path, data, errorType, errorInfo, locations, message}` (aws/aws-appsync-community#209),
 * non-null violations "Cannot return null for non-nullable type: 'T' within parent 'P' (/a/b)",
 * scalar output errors "Can't serialize value (/a/b) : …" (aws-amplify/amplify-js#5963),
 * variable errors "Variable 'x' has an invalid value. …" (aws-amplify/amplify-cli#2033) and
 * validation errors "Validation error of type FieldUndefined: Field 'x' in type 'T' is undefined @ 'a/x'".
 */
import { isListType, isNonNullType, isObjectType, Kind, print, type GraphQLError, type ValueNode, type GraphQLSchema, type GraphQLType, type SourceLocation } from 'graphql';
import type { AppSyncGraphQLError } from './types.ts';
import { ScalarSerializeError } from '../schema/scalars.ts';
import { FieldError } from './field-error.ts';

const builtinSerialize = /^(Int|Float|String|Boolean|ID) cannot represent |^Enum "\w+" cannot represent /;
import type { AppendedError } from './request-state.ts';

type Location = { line: number; column: number; sourceName: null };

function locationsOf(locs: readonly SourceLocation[] | undefined): Location[] | null {
  return locs && locs.length ? locs.map((l) => ({ line: l.line, column: l.column, sourceName: null })) : null;
}

function slashPath(path: readonly (string | number)[]): string {
  return '/' + path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('/').replace(/\/\[/g, '[');
}

/** An execution-time error (one with a path). */
export function formatFieldError(error: GraphQLError, schema: GraphQLSchema): AppSyncGraphQLError {
  const original = error.originalError;
  const path = error.path ? [...error.path] : undefined;
  if (original instanceof FieldError) {
    return {
      path,
      data: original.data,
      errorType: original.errorType ?? undefined,
      errorInfo: original.errorInfo,
      locations: locationsOf(error.locations) ?? undefined,
      message: original.message,
    };
  }
  const nonNull = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/.exec(error.message);
  if (nonNull && path) {
    return { path, locations: null, message: `Cannot return null for non-nullable type: '${nonNullTypeName(schema, nonNull[1], nonNull[2], path)}' within parent '${nonNull[1]}' (${slashPath(path)})` };
  }
  if (path && original && (original instanceof ScalarSerializeError || builtinSerialize.test(original.message))) {
    // A scalar's serialize refused the value: graphql-java reports it this way.
    return { path, locations: null, message: `Can't serialize value (${slashPath(path)}) : ${error.message}` };
  }
  return { path, errorType: undefined, locations: locationsOf(error.locations) ?? undefined, message: error.message };
}

/** The non-null type whose value was null, as graphql-java names it (`String`, `[Crud]`). */
function nonNullTypeName(schema: GraphQLSchema, parent: string, field: string, path: (string | number)[]): string {
  const parentType = schema.getType(parent);
  let t: GraphQLType | undefined = isObjectType(parentType) ? parentType.getFields()[field]?.type : undefined;
  if (!t) return 'Unknown';
  // A null list item: descend once per trailing index.
  for (let i = path.length - 1; i >= 0 && typeof path[i] === 'number'; i--) {
    if (isNonNullType(t)) t = t.ofType;
    if (isListType(t)) t = t.ofType;
  }
  if (isNonNullType(t)) t = t.ofType;
  return String(t);
}

/** `util.appendError` entries. */
export function formatAppended(e: AppendedError): AppSyncGraphQLError {
  return {
    path: [...e.path],
    data: e.data,
    errorType: e.errorType ?? undefined,
    errorInfo: e.errorInfo,
    locations: locationsOf(e.nodes.flatMap((n) => (n.loc ? [locOf(n.loc)] : []))) ?? undefined,
    message: e.message,
  };
}

function locOf(loc: { startToken: { line: number; column: number } }): SourceLocation {
  return { line: loc.startToken.line, column: loc.startToken.column };
}

/** A request error: syntax, validation or variable coercion (no `data`). */
export function formatRequestError(
  error: GraphQLError,
  kind: 'syntax' | 'validation' | 'variables',
  fieldPath?: string,
  argument?: { path: string; node: ValueNode },
): AppSyncGraphQLError {
  let message = error.message;
  if (kind === 'syntax') {
    message = `Invalid Syntax : ${error.message.replace(/^Syntax Error: /, '')}`;
  } else if (kind === 'variables') {
    const invalid = /^Variable "\$(\w+)" got invalid value (.*?); (.*)$/s.exec(message);
    const nullish = /^Variable "\$(\w+)" of non-null type "(.+)" must not be null\.$/.exec(message);
    const missing = /^Variable "\$(\w+)" of required type "(.+)" was not provided\.$/.exec(message);
    if (invalid) message = `Variable '${invalid[1]}' has an invalid value. ${invalid[3].replace(/^Expected type "[^"]+"\. /, '')}`;
    else if (nullish || missing) {
      const m = (nullish ?? missing)!;
      message = `Variable '${m[1]}' has coerced Null value for NonNull type '${m[2]}'`;
    }
  } else {
    message = translateValidation(message, fieldPath, argument) ?? message;
  }
  // graphql/graphql-over-http#81 (AppSync's own description): `"path": null` on request errors.
  return { path: null, locations: locationsOf(error.locations) ?? undefined, message };
}

function translateValidation(message: string, at: string | undefined, argument: { path: string; node: ValueNode } | undefined): string | undefined {
  const suffix = at ? ` @ '${at}'` : '';
  const wrong = /^Expected value of type "(.+?)", found (.+?); (.*)$/s.exec(message);
  if (wrong && argument) {
    // aws/aws-cli#7078: "argument 'x.y' with value 'StringValue{value='2019'}' is not a valid 'AWSDateTime'".
    return `Validation error of type WrongType: argument '${argument.path}' with value '${describeLiteral(argument.node)}' is not a valid '${wrong[1].replace(/!$/, '')}'${suffix}`;
  }
  let m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(message);
  if (m) return `Validation error of type FieldUndefined: Field '${m[1]}' in type '${m[2]}' is undefined${suffix}`;
  m = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(message);
  if (m) return `Validation error of type UnknownArgument: Unknown field argument ${m[1]}${suffix}`;
  m = /^Field "(\w+)" argument "(\w+)" of type "(.+)" is required, but it was not provided\./.exec(message);
  if (m) return `Validation error of type MissingFieldArgument: Missing field argument ${m[2]}${suffix}`;
  m = /^Field "(\w+)" of type "(.+)" must have a selection of subfields\./.exec(message);
  if (m) return `Validation error of type SubSelectionRequired: Sub selection required for type ${m[2]} of field ${m[1]}${suffix}`;
  m = /^Field "(\w+)" must not have a selection since type "(.+)" has no subfields\./.exec(message);
  if (m) return `Validation error of type SubSelectionNotAllowed: Sub selection not allowed on leaf type ${m[2]} of field ${m[1]}${suffix}`;
  return undefined;
}

/** A literal as graphql-java's AST prints it. */
function describeLiteral(node: ValueNode): string {
  switch (node.kind) {
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${node.value}}`;
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    default:
      return print(node);
  }
}

/** Drops undefined members so the JSON matches AppSync's (null stays null). */
export function clean(entry: AppSyncGraphQLError): AppSyncGraphQLError {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) if (v !== undefined) out[k] = v;
  return out as unknown as AppSyncGraphQLError;
}
