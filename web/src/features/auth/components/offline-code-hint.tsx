import { Amplify } from 'aws-amplify';

/** The local outbox of the offline user pool, or undefined when the app talks to AWS. */
export function localOutboxUrl(email: string): string | undefined {
  // Only the offline stack's outputs name a user-pool endpoint (custom.cognito_endpoint).
  const endpoint = Amplify.getConfig().Auth?.Cognito?.userPoolEndpoint;
  if (!endpoint) return undefined;
  const address = email.trim();
  return `${endpoint.replace(/\/$/, '')}/_local/outbox${address ? `?email=${encodeURIComponent(address)}` : ''}`;
}

/**
 * Offline only: the local user pool emails nobody, so say where its codes are — the `npm start`
 * console and the pool's outbox. Renders nothing against AWS, where the code is really emailed.
 */
export function OfflineCodeHint({ email }: { email: string }) {
  const href = localOutboxUrl(email);
  if (!href) return null;
  return (
    <p className="field-hint">
      Running offline: no email is sent. The code is printed in the <code>npm start</code> console and listed in the{' '}
      <a href={href} target="_blank" rel="noreferrer">
        local outbox
      </a>
      .
    </p>
  );
}
