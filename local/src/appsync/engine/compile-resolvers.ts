/**
 * Bundles and compiles every resolver and pipeline function once, when the engine is created,
 * and checks the wiring the way `cdk synth` / AppSync's CreateResolver would: the type and field
 * must exist, the data source must exist, a pipeline has 1–10 functions.
 */
import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import type { ResolverWiring } from '../../app-definition.ts';
import type { DataSource } from '../datasources/types.ts';
import { compile, type CompiledCode } from './runtime-port.ts';
import type { CompiledResolver } from './run-resolver.ts';

export class WiringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WiringError';
  }
}

export async function compileResolvers(
  schema: GraphQLSchema,
  wirings: readonly ResolverWiring[],
  dataSources: Record<string, DataSource>,
  loadCode: (file: string) => Promise<string>,
): Promise<Map<string, CompiledResolver>> {
  // A file shared by several wirings (rare) is bundled and compiled once.
  const codeByFile = new Map<string, Promise<CompiledCode>>();
  const codeFor = (file: string) => {
    let c = codeByFile.get(file);
    if (!c) {
      c = loadCode(file).then((src) => compile(src, file));
      codeByFile.set(file, c);
    }
    return c;
  };
  const dataSource = (name: string, where: string): DataSource => {
    const ds = dataSources[name];
    if (!ds) throw new WiringError(`${where}: no data source named '${name}'`);
    return ds;
  };
  const out = new Map<string, CompiledResolver>();
  await Promise.all(
    wirings.map(async (w) => {
      const key = `${w.typeName}.${w.fieldName}`;
      const type = schema.getType(w.typeName);
      if (!type || !isObjectType(type)) throw new WiringError(`${key}: type '${w.typeName}' is not an object type of the schema`);
      if (!type.getFields()[w.fieldName]) throw new WiringError(`${key}: field '${w.fieldName}' is not defined on type '${w.typeName}'`);
      if (out.has(key)) throw new WiringError(`${key}: more than one resolver`);
      if (w.kind === 'PIPELINE' && (w.functions.length < 1 || w.functions.length > 10)) {
        throw new WiringError(`${key}: a pipeline has 1 to 10 functions, found ${w.functions.length}`);
      }
      const ds = w.kind === 'UNIT' ? dataSource(w.dataSource ?? '', key) : undefined;
      const fnDataSources = w.functions.map((f) => dataSource(f.dataSource, `${key} function ${f.name}`));
      const resolver: CompiledResolver = {
        typeName: w.typeName,
        fieldName: w.fieldName,
        kind: w.kind,
        dataSource: ds,
        code: await codeFor(w.file),
        functions: await Promise.all(w.functions.map(async (f, i) => ({ name: f.name, dataSource: fnDataSources[i], code: await codeFor(f.file) }))),
      };
      out.set(key, resolver);
    }),
  );
  return out;
}
