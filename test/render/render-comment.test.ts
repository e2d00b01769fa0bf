import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCodeHighlighter } from '../../src/render/highlight-code.ts';
import { markdownToHtml, renderComment } from '../../src/render/render-comment.ts';

const highlighter = createCodeHighlighter();

describe('renderComment', () => {
  it('renders Markdown: emphasis, code blocks highlighted, http links kept safe', async () => {
    const html = await renderComment('**Careful**: see https://example.com/x\n\n```cpp\nint x = 0;\n```', highlighter);
    expect(html).toContain('<strong>Careful</strong>');
    expect(html).toContain(
      '<a href="https://example.com/x" rel="nofollow noopener noreferrer">https://example.com/x</a>',
    );
    expect(html).toContain('<div class="code-block"><pre class="shiki');
  });

  it('shows raw HTML as text, images as links, and drops javascript: links', async () => {
    expect(await renderComment('<script>alert(1)</script> <b onclick="x">b</b>', highlighter)).toBe(
      '<p>&#x3C;script>alert(1)&#x3C;/script> &#x3C;b onclick="x">b&#x3C;/b></p>',
    );
    expect(await renderComment('a [x](javascript:alert(1)) ![i](http://e.com/i.png) <i>c</i>', highlighter)).toBe(
      '<p>a x <a href="http://e.com/i.png" rel="nofollow noopener noreferrer">i</a> &#x3C;i>c&#x3C;/i></p>',
    );
  });

  it('renders each distinct text once per process', () => {
    const text = 'Patch Set 3: Code-Review+2\n\n`ssize_t` is not defined there.';
    expect(renderComment(text, highlighter)).toBe(renderComment(text, highlighter));
  });

  it('renders a one-column table whose delimiter row starts with a colon as a table', async () => {
    expect(await renderComment('a\n:-', highlighter)).toBe(await markdownToHtml('a\n:-', highlighter));
  });

  it('renders plain text exactly as the Markdown path does', async () => {
    const alphabet = fc.constantFrom(...'ab Z09 ,.;:\'"?()!+/-\n'.split(''));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: alphabet, maxLength: 60 }), async (text) => {
        expect(await renderComment(text, highlighter)).toBe(await markdownToHtml(text, highlighter));
      }),
      { numRuns: 400 },
    );
  });
});
