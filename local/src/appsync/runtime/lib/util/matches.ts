/**
 * util.matches(pattern, value): Java's String.matches, i.e. the whole value must match. Java regex
 * syntax is translated where JavaScript differs in spelling (inline flags, \A, \Z, \z, possessive
 * quantifiers); constructs JavaScript lacks entirely make the pattern fail like an invalid regex.
 */
export function toJsRegExp(pattern: string): RegExp {
  let source = String(pattern);
  let flags = 'u';
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    if (inline[1].includes('i')) flags += 'i';
    if (inline[1].includes('s')) flags += 's';
    if (inline[1].includes('m')) flags += 'm';
  }
  source = source
    .replace(/\\A/g, '^')
    .replace(/\\[Zz]/g, '$')
    .replace(/([*+?}])\+/g, '$1');
  try {
    return new RegExp(`^(?:${source})$`, flags);
  } catch {
    return new RegExp(`^(?:${source})$`, flags.replace('u', ''));
  }
}

export function matches(pattern: string, value: string): boolean {
  return toJsRegExp(pattern).test(String(value));
}
