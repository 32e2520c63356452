import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextArea, TextField } from './field.tsx';

describe('TextArea and TextField', () => {
  it('label the control, and describe it by its own hint and error', () => {
    const html = renderToStaticMarkup(<TextArea label="Bio" id="bio" hint="0 left" error="Too long" defaultValue="x" />);
    expect(html).toContain('<label for="bio">Bio</label>');
    expect(html).toContain('<textarea id="bio" aria-invalid="true" aria-describedby="bio-hint bio-error">x</textarea>');
  });

  it('keep a hidden label for screen readers and add descriptions rendered elsewhere', () => {
    const html = renderToStaticMarkup(<TextArea label="Your reply" hideLabel id="r" aria-describedby="r-count" hint="h" />);
    expect(html).toContain('<label for="r" class="visually-hidden">Your reply</label>');
    expect(html).toContain('aria-describedby="r-count r-hint"');
    expect(renderToStaticMarkup(<TextField label="Name" id="n" />)).toContain('<input id="n"/>');
  });
});
