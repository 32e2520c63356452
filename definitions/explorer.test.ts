import fs from 'node:fs';
import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { explorerCaller, explorerExamples } from './explorer.ts';

const schema = buildSchema(
  fs.readFileSync(new URL('../local/src/appsync/schema/appsync-prelude.graphql', import.meta.url), 'utf8') + fs.readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
);

describe('the explorer examples', () => {
  it.each(explorerExamples.map((e) => [e.title, e] as const))('%s is valid against schema.graphql, with every variable given', (_title, example) => {
    const document = parse(example.query);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    const operation = getOperationAST(document)!;
    const given = new Set([...Object.keys(example.variables ?? {}), ...(example.callerIdVariables ?? [])]);
    for (const v of operation.variableDefinitions ?? []) {
      if (v.type.kind === 'NonNullType') expect(given, `$${v.variable.name.value}`).toContain(v.variable.name.value);
    }
    for (const name of given) expect(operation.variableDefinitions?.map((v) => v.variable.name.value)).toContain(name);
  });

  it('cover every everyday feature, with the caller id filled into the personal subscriptions', () => {
    expect(new Set(explorerExamples.map((e) => e.group))).toEqual(new Set(['Profile', 'Feed', 'Post', 'Like', 'Messages', 'Notifications', 'Live']));
    const personal = explorerExamples.filter((e) => /recipientId/.test(e.query));
    expect(personal.length).toBeGreaterThanOrEqual(3);
    for (const e of personal) expect(e.callerIdVariables).toEqual(['recipientId']);
    expect(validate(schema, parse(explorerCaller.query))).toEqual([]);
  });
});
