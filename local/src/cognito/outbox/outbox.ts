/**
 * The offline pool's "email": every confirmation and reset code is printed in a box on the
 * console and kept (persisted with the pool) so tests, e2e and people can read it back.
 */
import type { PoolStore } from '../store/pool-store.ts';
import type { CodePurpose, OutboxMessage } from '../store/types.ts';

// No app names here: the pool serves any app. The sign-up subject is the CDK UserPool default
// ("Verify your new account", `UserVerificationConfig.emailSubject`), what the deployed pool sends.
const subjects: Record<CodePurpose, string> = {
  signup: 'Verify your new account',
  reset: 'Your password reset code',
  verify_email: 'Verify your new email',
};

export class Outbox {
  constructor(
    private readonly store: PoolStore,
    private readonly print: ((text: string) => void) | undefined,
  ) {}

  /** Records a code "sent" to `to` and prints it; the caller saves the store. */
  send(to: string, purpose: CodePurpose, code: string, now = Date.now()): OutboxMessage {
    const message: OutboxMessage = { to, subject: subjects[purpose], code, purpose, sentAt: now };
    this.store.state.outbox.push(message);
    this.print?.(box([`✉  ${message.subject}`, `To:   ${to}`, `Code: ${code}`]));
    return message;
  }

  /** Messages to `email` (case-insensitive), oldest first; all messages without an email. */
  list(email?: string): OutboxMessage[] {
    const want = email?.trim().toLowerCase();
    return this.store.state.outbox.filter((m) => want === undefined || m.to.toLowerCase() === want);
  }

  /** The newest code sent to `email`, if any. */
  latest(email: string): string | undefined {
    return this.list(email).at(-1)?.code;
  }
}

function box(lines: string[]): string {
  const width = Math.max(...lines.map((l) => [...l].length)) + 2;
  const bar = '─'.repeat(width);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l}${' '.repeat(width - 1 - [...l].length)}│`), `└${bar}┘`].join('\n') + '\n';
}
