/** Client side of the outbox endpoint, for tests and e2e that only know the Cognito URL. */
import type { OutboxMessage } from '../store/types.ts';

/** The newest code sent to `email`, read from `GET <cognitoUrl>/_local/outbox`; undefined if none. */
export async function readOutbox(cognitoUrl: string, email: string): Promise<string | undefined> {
  const res = await fetch(`${cognitoUrl}/_local/outbox?email=${encodeURIComponent(email)}`);
  if (!res.ok) throw new Error(`outbox: HTTP ${res.status}`);
  const { messages } = (await res.json()) as { messages: OutboxMessage[] };
  return messages.at(-1)?.code;
}
