/**
 * The Amplify AppSync simulator (`amplify mock`'s engine: graphql-js, VTL templates, an SDK
 * DynamoDB client per data source) serving the same two-GetItem query as the offline stack, with
 * VTL resolvers equivalent to the app's APPSYNC_JS ones (Query.crud: GetItem + liveness check;
 * Crud.author: GetItem of the author's profile), reading the same table through the same
 * DynamoDB endpoint. API key auth: the simulator verifies no JWT, so a key is its cheapest mode.
 */
import { AmplifyAppSyncSimulator, AmplifyAppSyncSimulatorAuthenticationType, RESOLVER_KIND } from '@aws-amplify/amplify-appsync-simulator';

export const SIMULATOR_API_KEY = 'da2-benchbenchbenchbenchbench';

const schema = `
type User { id: ID! handle: String! displayName: String! }
type Crud { id: ID! message: String! createdAt: AWSDateTime! likesCount: Int! author: User! }
type Query { crud(id: ID!): Crud }
schema { query: Query }
`;

const getItem = (pk: string, sk: string) =>
  `{"version": "2018-05-29", "operation": "GetItem", "key": {"pk": $util.dynamodb.toDynamoDBJson(${pk}), "sk": $util.dynamodb.toDynamoDBJson("${sk}")}}`;

const templates = {
  'Query.crud.req.vtl': getItem('"CRUD#$ctx.args.id"', 'CRUD'),
  // An expired crud reads as absent before TTL deletes it, as resolvers/Query.crud does.
  'Query.crud.res.vtl': `#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end
#if($util.isNull($ctx.result) || (!$util.isNull($ctx.result.expiresAt) && $ctx.result.expiresAt <= $util.time.nowEpochSeconds()))null#else$util.toJson($ctx.result)#end`,
  'Crud.author.req.vtl': getItem('"USER#$ctx.source.authorId"', 'PROFILE'),
  'Crud.author.res.vtl': `#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end
#if($util.isNull($ctx.result))$util.error("User not found", "NotFound")#end
$util.toJson($ctx.result)`,
};

/** Starts the simulator on a free port of its own range; `endpoint`/`tableName`: the store to read. */
export async function startSimulator(endpoint: string, tableName: string, region: string): Promise<{ url: string; stop(): Promise<void> }> {
  const simulator = new AmplifyAppSyncSimulator({ port: 0, wsPort: 0 });
  simulator.init({
    appSync: {
      name: 'cruddur-bench',
      defaultAuthenticationType: { authenticationType: AmplifyAppSyncSimulatorAuthenticationType.API_KEY },
      apiKey: SIMULATOR_API_KEY,
      additionalAuthenticationProviders: [],
    },
    schema: { content: schema },
    dataSources: [{ type: 'AMAZON_DYNAMODB', name: 'table', config: { endpoint, region, tableName, accessKeyId: 'local', secretAccessKey: 'local' } }],
    mappingTemplates: Object.entries(templates).map(([path, content]) => ({ path, content })),
    resolvers: [
      { kind: RESOLVER_KIND.UNIT, typeName: 'Query', fieldName: 'crud', dataSourceName: 'table', requestMappingTemplateLocation: 'Query.crud.req.vtl', responseMappingTemplateLocation: 'Query.crud.res.vtl' },
      { kind: RESOLVER_KIND.UNIT, typeName: 'Crud', fieldName: 'author', dataSourceName: 'table', requestMappingTemplateLocation: 'Crud.author.req.vtl', responseMappingTemplateLocation: 'Crud.author.res.vtl' },
    ],
  });
  await simulator.start();
  return { url: `${simulator.localhostUrl}/graphql`, stop: () => simulator.stop() };
}
