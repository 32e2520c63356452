/**
 * How a ctx crosses into a sandbox cheaply. Everything crosses as JSON text (sandbox/context.ts),
 * and most of that text repeats: every resolver of a request carries the same `ctx.request` (the
 * HTTP headers), and each step of a pipeline carries the stash the previous step just returned.
 * So the request's text is computed once per request object, a stash returned by a handler keeps
 * the text it came back as, and a stash the handler left unchanged comes back as the same object
 * without a parse. This relies on what the engine does anyway: it never modifies `ctx.request` or
 * a returned stash, it passes them on as they are.
 */

const texts = new WeakMap<object, string>();
/** Stashes parsed here: pure JSON, so their text is exactly what a handler saw. */
const returned = new WeakSet<object>();

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** `ctx.request` as JSON text ('' for undefined), computed once per request object. */
export function requestJson(request: unknown): string {
  if (request === null || typeof request !== 'object') return json(request);
  let text = texts.get(request);
  if (text === undefined) texts.set(request, (text = JSON.stringify(request)));
  return text;
}

/** `ctx.stash` as JSON text ('' for undefined); a stash a handler returned keeps its text. */
export function stashJson(stash: unknown): string {
  if (stash !== null && typeof stash === 'object' && returned.has(stash)) return texts.get(stash)!;
  return json(stash);
}

/**
 * The stash after a handler: `changed` is the sandbox's text of it, or '' when it equals the text
 * sent in (`sentText`, the text of `sent`).
 */
export function stashAfter(sent: unknown, sentText: string, changed: string): Record<string, unknown> {
  if (changed === '' && sent !== null && typeof sent === 'object' && returned.has(sent)) return sent as Record<string, unknown>;
  const text = changed === '' ? sentText : changed;
  const stash = JSON.parse(text) as Record<string, unknown>;
  texts.set(stash, text);
  returned.add(stash);
  return stash;
}
