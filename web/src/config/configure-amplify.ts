import { Amplify } from 'aws-amplify';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import type { AppConfig } from './outputs.ts';

/**
 * Hands amplify_outputs.json to Amplify exactly as Amplify parses it, then adds the one thing the
 * outputs format has no field for: `Auth.Cognito.userPoolEndpoint` (custom.cognito_endpoint), the
 * documented v6 option for a Cognito-compatible endpoint (since aws-amplify 6.0.0).
 */
export function configureAmplify(raw: unknown, config: AppConfig): void {
  const parsed = parseAmplifyConfig(raw as Parameters<typeof parseAmplifyConfig>[0]);
  const auth = parsed.Auth;
  if (!auth || !config.cognitoEndpoint) {
    Amplify.configure(parsed);
    return;
  }
  // Amplify types Auth as a union keyed on which Cognito fields exist; adding one optional field keeps the member.
  const withEndpoint = { ...auth, Cognito: { ...auth.Cognito, userPoolEndpoint: config.cognitoEndpoint } } as typeof auth;
  Amplify.configure({ ...parsed, Auth: withEndpoint });
}
