import { describe, expect, it } from 'vitest';
import { loadSchema, SchemaError } from './load-schema.ts';

const base = `
  type Item @aws_api_key @aws_iam { id: ID! }
  type Other { id: ID! }
  type Query { item: Item }
  type Mutation { putItem(id: ID!): Item  putOther: Other }
`;

function problems(sdl: string): string[] {
  try {
    loadSchema(sdl);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(SchemaError);
    return (err as SchemaError).errors;
  }
}

describe('loadSchema', () => {
  it('accepts AppSync directives and scalars without declarations and maps subscriptions', () => {
    const loaded = loadSchema(`${base}
      type Subscription { onItem(id: ID): Item @aws_subscribe(mutations: ["putItem"]) @aws_api_key }`);
    expect(loaded.subscriptionsByMutation.get('putItem')).toEqual(['onItem']);
    expect(loaded.mutationsBySubscription.get('onItem')).toEqual(['putItem']);
    expect(loaded.schema.getType('AWSDateTime')).toBeDefined();
  });

  it('rejects @aws_subscribe naming a mutation that does not exist', () => {
    expect(problems(`${base} type Subscription { onItem: Item @aws_subscribe(mutations: ["nope"]) }`)).toEqual([
      "Subscription.onItem: @aws_subscribe names mutation 'nope', which is not defined on the mutation type",
    ]);
  });

  it('rejects @aws_subscribe on a mutation returning another type', () => {
    expect(problems(`${base} type Subscription { onItem: Item @aws_subscribe(mutations: ["putOther"]) }`)).toEqual([
      "Subscription.onItem returns Item but mutation 'putOther' returns Other; a subscription must return the type of the mutations it subscribes to",
    ]);
  });

  it('rejects @aws_subscribe outside the subscription type', () => {
    expect(problems(`type Query { a: Int @aws_subscribe(mutations: []) }`)).toEqual([
      '@aws_subscribe is only allowed on fields of the subscription type (found on Query.a)',
    ]);
  });

  it('rejects redeclared AppSync scalars and directives', () => {
    expect(problems('scalar AWSDate type Query { a: AWSDate }')).toEqual(["'AWSDate' is built into AppSync and must not be redeclared"]);
    expect(problems('directive @aws_iam on OBJECT type Query { a: Int }')).toEqual(["'aws_iam' is built into AppSync and must not be redeclared"]);
  });

  it('rejects unknown directives, misplaced directives and syntax errors', () => {
    expect(problems('type Query { a: Int @aws_nope }')[0]).toMatch(/Unknown directive "@aws_nope"/);
    expect(problems('type Query @aws_auth(cognito_groups: ["a"]) { a: Int }')[0]).toMatch(/may not be used on OBJECT/);
    expect(problems('type Query {')[0]).toMatch(/Syntax Error/);
  });

  it('requires a Query type and caps the document at 1 MB', () => {
    expect(problems('type Mutation { a: Int }')).toContain('A schema must define a Query type');
    expect(problems(`type Query { a: Int } # ${'x'.repeat(1024 * 1024)}`)).toEqual(['Schema document exceeds 1 MB']);
  });
});
