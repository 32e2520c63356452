/** Facts the stacks need from schema.graphql, read from the schema itself so they cannot drift. */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { repoRoot } from './constructs/node-function.ts';

/** Mutation fields callable with AWS_IAM (`@aws_iam`): the publish mutations stream consumers call. */
export function iamMutations(schemaPath = path.join(repoRoot, 'schema.graphql')): string[] {
  const document = parse(fs.readFileSync(schemaPath, 'utf8'));
  const mutationTypes = document.definitions.filter(
    (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === 'Mutation',
  );
  return mutationTypes.flatMap((t) =>
    (t.fields ?? []).filter((f) => f.directives?.some((d) => d.name.value === 'aws_iam')).map((f) => f.name.value),
  );
}

/**
 * Object types (other than the root types) readable with AWS_IAM. AppSync checks IAM policies per
 * resolved field, so a publisher needs `appsync:GraphQL` on the fields its selection sets read too.
 */
export function iamReadableTypes(schemaPath = path.join(repoRoot, 'schema.graphql')): string[] {
  const document = parse(fs.readFileSync(schemaPath, 'utf8'));
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  return document.definitions
    .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && !roots.has(d.name.value))
    .filter((d) => d.directives?.some((x) => x.name.value === 'aws_iam'))
    .map((d) => d.name.value);
}
