import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { SignUpForm } from './sign-up-form.tsx';

const html = renderToStaticMarkup(
  <MemoryRouter>
    <SignUpForm />
  </MemoryRouter>,
);
const attr = (name: string, inputName: string) => new RegExp(`<input[^>]*name="${inputName}"[^>]*>`).exec(html)?.[0].match(new RegExp(`${name}="([^"]*)"`))?.[1];

describe('sign-up form', () => {
  it('checks the handle with the PreSignUp trigger’s rule (3–20 letters, digits or underscores)', () => {
    const pattern = new RegExp(`^(?:${attr('pattern', 'handle')})$`, 'v');
    expect(pattern.test('abc')).toBe(true);
    expect(pattern.test('x'.repeat(20))).toBe(true);
    expect(pattern.test('ab')).toBe(false);
    expect(pattern.test('x'.repeat(21))).toBe(false);
  });

  it('accepts a handle typed with a leading "@" (stripped before sign-up), but only one', () => {
    const pattern = new RegExp(`^(?:${attr('pattern', 'handle')})$`, 'v');
    expect(pattern.test('@abc')).toBe(true);
    expect(pattern.test('@@abc')).toBe(false);
    expect(pattern.test('a@bc')).toBe(false);
  });

  it('puts no UTF-16 maxLength on the name, which would stop 50 emoji at 25', () => {
    expect(attr('maxlength', 'name')).toBeUndefined();
    expect(html).toContain('Characters left: ');
  });
});
