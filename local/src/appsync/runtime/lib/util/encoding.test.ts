// Expected values follow the developer guide's "Utility helpers in util" page and the Java
// behaviours it names (URLEncoder/URLDecoder, Commons Lang escapeEcmaScript).
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding.ts';

describe('base64', () => {
  it('encodes UTF-8 text', () => {
    expect(base64Encode('Hello')).toBe('SGVsbG8=');
    expect(base64Encode('Hello, AppSync!')).toBe('SGVsbG8sIEFwcFN5bmMh');
    expect(base64Encode('héllo ✓')).toBe(Buffer.from('héllo ✓').toString('base64'));
    expect(base64Encode('')).toBe('');
  });

  it('decodes back, including multi-byte characters and missing padding', () => {
    expect(base64Decode('SGVsbG8=')).toBe('Hello');
    expect(base64Decode('SGVsbG8')).toBe('Hello');
    expect(base64Decode(Buffer.from('😀 emoji').toString('base64'))).toBe('😀 emoji');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base64Decode('***')).toThrow(/Illegal base64 character/);
  });
});

describe('url encoding (application/x-www-form-urlencoded, like java.net.URLEncoder)', () => {
  it('turns spaces into + and escapes reserved characters', () => {
    expect(urlEncode('hello world & more')).toBe('hello+world+%26+more');
    expect(urlEncode("a!b'c(d)e~f*g.h-i_j")).toBe('a%21b%27c%28d%29e%7Ef*g.h-i_j');
    expect(urlEncode('ü')).toBe('%C3%BC');
  });

  it('decodes + as a space', () => {
    expect(urlDecode('hello+world+%26+more')).toBe('hello world & more');
    expect(urlDecode('%C3%BC')).toBe('ü');
  });
});

describe('escapeJavaScript', () => {
  it('escapes quotes, backslashes, slashes and control characters', () => {
    expect(escapeJavaScript(`He said "it's"`)).toBe(`He said \\"it\\'s\\"`);
    expect(escapeJavaScript('a\\b/c')).toBe('a\\\\b\\/c');
    expect(escapeJavaScript('line1\nline2\ttab')).toBe('line1\\nline2\\ttab');
    expect(escapeJavaScript('\u0001')).toBe('\\u0001');
  });

  it('escapes characters outside printable ASCII as \\uXXXX', () => {
    expect(escapeJavaScript('é')).toBe('\\u00E9');
    expect(escapeJavaScript('😀')).toBe('\\uD83D\\uDE00');
  });
});
