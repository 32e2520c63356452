/**
 * Links stream records to the GraphQL request whose data-source call wrote them, for logs only.
 * DynamoDB Streams records carry no caller identity, and the event Lambda receives must stay
 * exactly AWS's shape (parity rule, decision 004), so the link lives beside the stream: the
 * front notes `(table, SequenceNumber) → requestId` as it commits a tagged write, and an event
 * source mapping looks its batch up for its delivery log line. Bounded and in memory: the oldest
 * links are forgotten first, and a restart forgets them all (records stay deliverable, untagged).
 */

/** Links kept per hub; comfortably more than a stream consumer's backlog in local use. */
export const DEFAULT_CORRELATION_CAPACITY = 10_000;

/** The request-id shape accepted from a caller: AppSync ids are UUIDs; anything odd is dropped, never logged. */
const REQUEST_ID = /^[A-Za-z0-9-]{1,128}$/;

export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}

export class RequestCorrelation {
  private readonly links = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_CORRELATION_CAPACITY) {}

  /** Notes that `requestId` caused the records `sequenceNumbers` of `tableName`'s stream. */
  note(tableName: string, sequenceNumbers: string[], requestId: string): void {
    for (const seq of sequenceNumbers) {
      this.links.set(key(tableName, seq), requestId);
      // A Map iterates in insertion order, so the first key is the oldest link.
      if (this.links.size > this.capacity) this.links.delete(this.links.keys().next().value!);
    }
  }

  /** The distinct request ids behind `sequenceNumbers`, in record order; unknown records add nothing. */
  requestIds(tableName: string, sequenceNumbers: string[]): string[] {
    const out = new Set<string>();
    for (const seq of sequenceNumbers) {
      const id = this.links.get(key(tableName, seq));
      if (id) out.add(id);
    }
    return [...out];
  }

  get size(): number {
    return this.links.size;
  }
}

const key = (tableName: string, sequenceNumber: string) => `${tableName}\u0000${sequenceNumber}`;
