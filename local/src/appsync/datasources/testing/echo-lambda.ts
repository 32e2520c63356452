/** A Lambda handler for the data-source tests. */
export const events: unknown[] = [];

export async function handler(event: unknown, context: { functionName: string }): Promise<unknown> {
  events.push(event);
  if (Array.isArray(event)) {
    // Deliberately short when asked, to test the length check.
    if (event.some((e) => (e as { short?: boolean }).short)) return event.slice(1);
    return event.map((e) => ({ echoed: e }));
  }
  if ((event as { boom?: boolean } | null)?.boom) throw new Error('Kaboom');
  if ((event as { sleep?: number } | null)?.sleep) await new Promise((r) => setTimeout(r, (event as { sleep: number }).sleep));
  return { echoed: event, fn: context.functionName };
}
