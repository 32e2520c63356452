/**
 * What a logged-out visitor (token `guest`) may call. schema.graphql marks guest-readable Query and
 * Subscription fields with a description starting "[public]"; every other root field — every
 * Mutation, every private Query and Subscription — goes into the authorizer's `deniedFields`
 * (AppSync accepts `Type.field` as well as field ARNs there). Derived from the schema text, so a
 * new field is private unless marked public.
 */
import { Kind, parse, type DocumentNode } from 'graphql';

type Operation = 'query' | 'mutation' | 'subscription';

interface RootField {
  coordinate: string;
  operation: Operation;
  isPublic: boolean;
}

function rootTypeNames(doc: DocumentNode): Record<string, Operation> {
  const names: Record<string, Operation> = { Query: 'query', Mutation: 'mutation', Subscription: 'subscription' };
  for (const def of doc.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const op of def.operationTypes ?? []) {
      for (const [name, operation] of Object.entries(names)) if (operation === op.operation) delete names[name];
      names[op.type.name.value] = op.operation;
    }
  }
  return names;
}

/** Every root field with whether guests may read it. */
export function rootFields(schemaSdl: string): RootField[] {
  const doc = parse(schemaSdl, { noLocation: true });
  const roots = rootTypeNames(doc);
  const fields: RootField[] = [];
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const operation = roots[def.name.value];
    if (!operation) continue;
    for (const field of def.fields ?? []) {
      const description = field.description?.value.trimStart() ?? '';
      fields.push({
        coordinate: `${def.name.value}.${field.name.value}`,
        operation,
        // Mutations are never public, whatever their description says.
        isPublic: operation !== 'mutation' && description.startsWith('[public]'),
      });
    }
  }
  return fields;
}

/** `Type.field` for every root field a guest may not call. */
export function guestDeniedFields(schemaSdl: string): string[] {
  return rootFields(schemaSdl)
    .filter((f) => !f.isPublic)
    .map((f) => f.coordinate);
}

/** `Type.field` for every root field a guest may call. */
export function guestAllowedFields(schemaSdl: string): string[] {
  return rootFields(schemaSdl)
    .filter((f) => f.isPublic)
    .map((f) => f.coordinate);
}
