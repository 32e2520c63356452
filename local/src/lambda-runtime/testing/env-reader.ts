/**
 * A handler that reports named environment variables before and after yielding for `waitMs`, and
 * every variable name it can see.
 */
const read = (names: string[]) => Object.fromEntries(names.filter((n) => n in process.env).map((n) => [n, process.env[n]]));

export async function handler(event: { names: string[]; waitMs: number }) {
  const before = read(event.names);
  await new Promise((resolve) => setTimeout(resolve, event.waitMs));
  return { before, after: read(event.names), visible: Object.keys(process.env).sort() };
}
