import { describe, expect, it } from 'vitest';
import { HANDLE_PATTERN, handlePattern } from './handle.ts';

/** How a browser applies an input's `pattern` attribute (HTML: anchored, compiled with the `v` flag). */
const asHtmlPattern = new RegExp(`^(?:${HANDLE_PATTERN})$`, 'v');

describe('handle rule', () => {
  it.each(['abc', 'andrew_brown', 'A1_', 'x'.repeat(20)])('accepts %s', (h) => {
    expect(handlePattern.test(h)).toBe(true);
    expect(asHtmlPattern.test(h)).toBe(true);
  });
  it.each(['', 'ab', 'x'.repeat(21), 'has space', 'émile', 'a#b', '@abc'])('refuses %j', (h) => {
    expect(handlePattern.test(h)).toBe(false);
    expect(asHtmlPattern.test(h)).toBe(false);
  });
});
