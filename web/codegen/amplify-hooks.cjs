// graphql-codegen plugin: one typed document and one named React hook per operation, bound to
// Cruddur's hook layer (web/src/lib/graphql/: TanStack Query over Amplify v6's generateClient).
//
//   query HomeFeed(...)        -> HomeFeedDocument, useHomeFeedQuery(variables, options?)
//                                 and, for a paginated query (a `$nextToken` variable and one
//                                 connection field with `items` and `nextToken`),
//                                 useHomeFeedInfiniteQuery(variables without nextToken, options?)
//   mutation CreateCrud(...)   -> CreateCrudDocument, useCreateCrudMutation(options?)
//   subscription OnFeedItem(..)-> OnFeedItemDocument, useOnFeedItemSubscription(variables, options)
//
// Documents are emitted as strings (what Amplify parses) with every fragment they spread appended,
// branded with their variables/result types from typescript-operations (namingConvention: keep).
'use strict';
const { Kind, print, visit } = require('graphql');

const SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };
const DOC_TYPE = { query: 'QueryDocument', mutation: 'MutationDocument', subscription: 'SubscriptionDocument' };

/** Names of fragments spread anywhere inside `node`. */
function spreads(node) {
  const names = new Set();
  visit(node, { FragmentSpread: (s) => void names.add(s.name.value) });
  return names;
}

/** The operation's fragments, transitively, in a stable order. */
function fragmentClosure(operation, fragments, where) {
  const seen = new Set();
  const order = [];
  const walk = (node) => {
    for (const name of [...spreads(node)].sort()) {
      if (seen.has(name)) continue;
      const frag = fragments.get(name);
      if (!frag) throw new Error(`${where}: unknown fragment ...${name}`);
      seen.add(name);
      order.push(frag);
      walk(frag);
    }
  };
  walk(operation);
  return order;
}

/** The connection field a paginated query pages through, or undefined when it is not paginated. */
function connectionField(def) {
  const vars = (def.variableDefinitions ?? []).map((v) => v.variable.name.value);
  const fields = def.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  if (!vars.includes('nextToken') || fields.length !== 1) return undefined;
  const inner = (fields[0].selectionSet?.selections ?? []).filter((s) => s.kind === Kind.FIELD).map((s) => s.name.value);
  if (!inner.includes('items') || !inner.includes('nextToken')) return undefined;
  return (fields[0].alias ?? fields[0].name).value;
}

function escapeTemplate(text) {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

module.exports = {
  plugin(_schema, documents, config) {
    const typesImport = config.typesImport ?? './types.ts';
    const hooksImport = config.hooksImport ?? '../lib/graphql/index.ts';
    const fragments = new Map();
    const operations = [];
    for (const { document, location } of documents) {
      for (const def of document.definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) {
          if (fragments.has(def.name.value)) throw new Error(`${location}: fragment ${def.name.value} is defined twice`);
          fragments.set(def.name.value, def);
        } else if (def.kind === Kind.OPERATION_DEFINITION) {
          if (!def.name) throw new Error(`${location}: every operation needs a name`);
          if (!/^[A-Z][A-Za-z0-9]*$/.test(def.name.value)) {
            throw new Error(`${location}: operation names are PascalCase without a suffix (got ${def.name.value})`);
          }
          operations.push({ def, location });
        }
      }
    }
    operations.sort((a, b) => a.def.name.value.localeCompare(b.def.name.value));
    const seenNames = new Set();
    const used = new Set();
    const out = [];
    for (const { def, location } of operations) {
      const name = def.name.value;
      if (seenNames.has(name)) throw new Error(`${location}: operation ${name} is defined twice`);
      seenNames.add(name);
      const suffix = SUFFIX[def.operation];
      const resultType = `T.${name}${suffix}`;
      const varsType = `T.${name}${suffix}Variables`;
      const text = [def, ...fragmentClosure(def, fragments, location)].map((n) => print(n)).join('\n\n');
      const hasVars = (def.variableDefinitions ?? []).length > 0;
      used.add(DOC_TYPE[def.operation]);
      out.push(`/** \`${def.operation} ${name}\` from ${location.replace(/\\/g, '/').replace(/^.*?(web\/src\/)/, '$1')} */`);
      out.push(`export const ${name}Document = \`${escapeTemplate(text)}\` as ${DOC_TYPE[def.operation]}<${varsType}, ${resultType}>;`);
      out.push('');
      if (def.operation === 'query') {
        used.add('useQuery').add('QueryOptions').add('QueryResult');
        if (hasVars) {
          out.push(`export function use${name}Query(variables: ${varsType}, options?: QueryOptions): QueryResult<${resultType}> {`);
          out.push(`  return useQuery(${name}Document, variables, options);`);
        } else {
          out.push(`export function use${name}Query(options?: QueryOptions): QueryResult<${resultType}> {`);
          out.push(`  return useQuery(${name}Document, {}, options);`);
        }
        const field = connectionField(def);
        if (field) {
          used.add('useInfiniteQuery').add('InfiniteQueryResult');
          out.push('}', '');
          out.push(`/** \`${name}\` page by page (TanStack infinite query over \`${field}\`). */`);
          out.push(`export function use${name}InfiniteQuery(variables: Omit<${varsType}, 'nextToken'>, options?: QueryOptions): InfiniteQueryResult<${resultType}, '${field}'> {`);
          out.push(`  return useInfiniteQuery(${name}Document, '${field}', variables, options);`);
        }
      } else if (def.operation === 'mutation') {
        used.add('useMutation').add('MutationResult').add('MutationOptions');
        out.push(`export function use${name}Mutation(options?: MutationOptions<${varsType}, ${resultType}>): MutationResult<${varsType}, ${resultType}> {`);
        out.push(`  return useMutation(${name}Document, options);`);
      } else {
        used.add('useSubscription').add('SubscriptionOptions').add('SubscriptionResult');
        out.push(`export function use${name}Subscription(variables: ${varsType}, options: SubscriptionOptions<${resultType}>): SubscriptionResult {`);
        out.push(`  return useSubscription(${name}Document, variables, options);`);
      }
      out.push('}', '');
    }
    const valueImports = [...used].filter((n) => n.startsWith('use')).sort();
    const typeImports = [...used].filter((n) => !n.startsWith('use')).sort();
    const header = [
      '/* eslint-disable */',
      '// Generated by web/codegen/amplify-hooks.cjs from web/src/**/*.graphql — do not edit; run `npm run codegen`.',
      `import type * as T from '${typesImport}';`,
      `import { ${valueImports.join(', ')} } from '${hooksImport}';`,
      `import type { ${typeImports.join(', ')} } from '${hooksImport}';`,
      '',
    ];
    return header.join('\n') + out.join('\n');
  },
  validate(_schema, _documents, _config, outputFile) {
    if (!outputFile.endsWith('.ts')) throw new Error('amplify-hooks: output must be a .ts file');
  },
};
