/**
 * Validates amplify_outputs.json once at startup (bulletproof-react's "config validated once",
 * without a schema library: the few fields the app reads are checked by hand, keeping zod out of
 * the first-load bundle). Field names follow Amplify's outputs format (version 1.x).
 */

/** GraphQL auth types AppSync and the Amplify outputs format know. */
export const AUTH_TYPES = ['AMAZON_COGNITO_USER_POOLS', 'AWS_LAMBDA', 'AWS_IAM', 'API_KEY', 'OPENID_CONNECT'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

/** The configuration the app needs, read from amplify_outputs.json. */
export interface AppConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** custom.cognito_endpoint: a Cognito-compatible endpoint (offline); absent in AWS. */
  cognitoEndpoint?: string;
  graphqlUrl: string;
  defaultAuthType: AuthType;
  authTypes: AuthType[];
  /** custom.storage_endpoint / custom.storage_bucket for avatars (offline S3 or CloudFront). */
  storageEndpoint?: string;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAuthType = (v: unknown): v is AuthType => typeof v === 'string' && (AUTH_TYPES as readonly string[]).includes(v);

function isUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks the parsed JSON and returns either the typed config or every problem found. */
export function validateOutputs(raw: unknown): ConfigResult {
  const errors: string[] = [];
  if (!isObj(raw)) return { ok: false, errors: ['the file must contain a JSON object'] };
  const auth = isObj(raw.auth) ? raw.auth : undefined;
  const data = isObj(raw.data) ? raw.data : undefined;
  const custom = isObj(raw.custom) ? raw.custom : {};
  if (!auth) errors.push('auth: missing');
  if (!data) errors.push('data: missing');

  const str = (o: Obj | undefined, key: string, where: string): string => {
    const v = o?.[key];
    if (o && (typeof v !== 'string' || v === '')) errors.push(`${where}.${key}: expected a non-empty string`);
    return typeof v === 'string' ? v : '';
  };
  const region = str(auth, 'aws_region', 'auth');
  const userPoolId = str(auth, 'user_pool_id', 'auth');
  // Amplify reads the region from the part before "_" and the SRP pool name from the part after it.
  if (userPoolId && !/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId)) errors.push('auth.user_pool_id: expected <region>_<id>');
  const userPoolClientId = str(auth, 'user_pool_client_id', 'auth');
  const graphqlUrl = str(data, 'url', 'data');
  if (graphqlUrl && !isUrl(graphqlUrl)) errors.push('data.url: expected an http(s) URL');

  const defaultAuthType = data?.default_authorization_type;
  if (data && !isAuthType(defaultAuthType)) errors.push(`data.default_authorization_type: expected one of ${AUTH_TYPES.join(', ')}`);
  const authTypesRaw = data?.authorization_types ?? [];
  const authTypes = Array.isArray(authTypesRaw) ? authTypesRaw.filter(isAuthType) : [];
  if (!Array.isArray(authTypesRaw)) errors.push('data.authorization_types: expected an array');

  const optionalUrl = (key: string): string | undefined => {
    const v = custom[key];
    if (v === undefined) return undefined;
    if (!isUrl(v)) errors.push(`custom.${key}: expected an http(s) URL`);
    return isUrl(v) ? v : undefined;
  };
  const cognitoEndpoint = optionalUrl('cognito_endpoint');
  const storageEndpoint = optionalUrl('storage_endpoint');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      region,
      userPoolId,
      userPoolClientId,
      cognitoEndpoint,
      graphqlUrl,
      defaultAuthType: defaultAuthType as AuthType,
      authTypes,
      storageEndpoint,
    },
  };
}
