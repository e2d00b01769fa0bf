import { describe, expect, it } from 'vitest';
import { createCodeHighlighter } from '../../src/render/highlight-code.ts';

const pre = '<pre class="shiki shiki-themes github-light github-dark hl-25qmca" tabindex="0">';
const location = (line: string) => line.startsWith('Compile error at ');

describe('createCodeHighlighter', () => {
  it('opens a first snippet made only of plain lines with the same <pre> as any other', async () => {
    // The highlighter once took its `<pre>` from the first coloured line, and so began this one with `null`.
    const html = await createCodeHighlighter().highlightToHtml('Compile error at a.cc:1:2:', 'cpp', [1], location);
    expect(html).toBe(`${pre}<code><span class="line error-line">Compile error at a.cc:1:2:</span></code></pre>`);
  });

  it('keeps plain lines text, escaped, and marks only the lines it is given', async () => {
    const highlighter = createCodeHighlighter();
    const html = await highlighter.highlightToHtml('Compile error at <a>&b:\nint x;', 'cpp', [2], location);
    expect(
      html.startsWith(
        `${pre}<code><span class="line">Compile error at &#x3C;a>&#x26;b:</span>\n<span class="line error-line">`,
      ),
    ).toBe(true);
    expect(html.endsWith('</span></code></pre>')).toBe(true);
    // A line seen again comes from the cache, and marking one copy leaves the other unmarked.
    const again = await highlighter.highlightToHtml('int x;\nint x;', 'cpp', [1]);
    const lines = again.slice(again.indexOf('<code>') + 6, again.indexOf('</code>')).split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf('>') + 1))).toEqual([
      '<span class="line error-line">',
      '<span class="line">',
    ]);
    expect(lines[0]?.replace(' error-line', '')).toBe(lines[1]);
  });

  it('collects the colour classes it handed out into one stylesheet', async () => {
    const highlighter = createCodeHighlighter();
    expect(highlighter.css()).toBe('\n');
    await highlighter.highlightToHtml('int x = 0;', 'cpp');
    expect(highlighter.css()).toContain('.hl-25qmca{');
  });
});
