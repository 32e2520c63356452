/**
 * AppSync's server-side cache for the API (`AWS::AppSync::ApiCache`) from `api.cache`, and each
 * cached resolver's `cachingConfig` from definitions/caching.ts — the settings the offline engine
 * emulates (local/src/appsync/cache/). Encryption in transit and at rest are on: the cache holds
 * API responses, and at-rest encryption cannot be turned on after creation (API reference, ApiCache).
 */
import { Duration } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import { Construct } from 'constructs';
import { api as apiDefinition } from '../../../definitions/api.ts';
import type { ResolverWiring } from '../../../definitions/resolvers.ts';

export interface ApiCacheProps {
  api: appsync.IGraphqlApi;
}

export class ApiCache extends Construct {
  readonly cache: appsync.CfnApiCache;

  constructor(scope: Construct, id: string, props: ApiCacheProps) {
    super(scope, id);
    const c = apiDefinition.cache;
    this.cache = new appsync.CfnApiCache(this, 'Resource', {
      apiId: props.api.apiId,
      apiCachingBehavior: c.behavior,
      type: c.type,
      ttl: c.ttlSeconds,
      transitEncryptionEnabled: c.transitEncryption,
      atRestEncryptionEnabled: c.atRestEncryption,
    });
  }

  /** A resolver's `cachingConfig` (undefined when it is not cached). */
  static cachingConfigOf(wiring: ResolverWiring): appsync.CachingConfig | undefined {
    if (!wiring.caching) return undefined;
    return { ttl: Duration.seconds(wiring.caching.ttlSeconds), cachingKeys: wiring.caching.keys };
  }
}
