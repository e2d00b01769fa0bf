import { describe, expect, it } from 'vitest';
import { createCodeHighlighter } from '../../src/render/highlight-code.ts';

const pre = '<pre class="shiki shiki-themes github-light github-dark hl-25qmca" tabindex="0">';
const location = (line: string) => line.startsWith('Compile error at ');

describe('createCodeHighlighter', () => {
  it('opens a first snippet made only of plain lines with the same <pre> as any other', async () => {
    // The highlighter once took its `<pre>` from the first coloured line, and so began this one with `null`.
    const highlighter = createCodeHighlighter();
    const html = await highlighter.highlightToHtml('Compile error at a.cc:1:2:', 'cpp', [1], location);
    expect(html).toBe(`${pre}<code><span class="line error-line">Compile error at a.cc:1:2:</span></code></pre>`);
    // Only the `<pre>`'s class: no class of no colour from the empty snippet it was taken from.
    expect(highlighter.css()).toBe(
      '.hl-25qmca{--shiki-light:#24292e;--shiki-dark:#e1e4e8;--shiki-light-bg:#fff;--shiki-dark-bg:#24292e}\n',
    );
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

describe('createCodeHighlighter on a thread of its own', () => {
  const snippets: Array<[string, 'cpp' | 'log']> = [
    ['Compile error at a.cc:1:2:\nerror: no member named "x" in "std::vector<int>"\n  int y = v.x;', 'cpp'],
    ['int y = v.x;\nstatic_cast<void>(0); // again', 'cpp'],
    ['==1234==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020000000f0', 'log'],
    ['', 'log'],
  ];

  it('writes the same snippets and stylesheet as one on this thread, however many pages ask at once', async () => {
    const here = createCodeHighlighter();
    const there = createCodeHighlighter({ worker: true });
    // All at once, as pages rendered side by side ask: a line asked for twice waits for the one answer.
    const [mine, theirs] = await Promise.all([
      Promise.all(snippets.map(([code, lang]) => here.highlightToHtml(code, lang, [2], location))),
      Promise.all([...snippets, ...snippets].map(([code, lang]) => there.highlightToHtml(code, lang, [2], location))),
    ]);
    expect(theirs).toEqual([...mine, ...mine]);
    expect(mine[0]?.startsWith(`${pre}<code><span class="line">Compile error at a.cc:1:2:</span>`)).toBe(true);
    expect(there.css()).toBe(here.css());
    expect(here.css()).toContain('.hl-25qmca{');
  });

  it('fails the page whose lines could not be coloured, and no other', async () => {
    const there = createCodeHighlighter({ worker: true });
    const unknown = 'no-such-language' as Parameters<typeof there.highlightToHtml>[1];
    await expect(there.highlightToHtml('int x;\nint y;', unknown)).rejects.toThrow(
      /^highlighting failed: .*no-such-language/s,
    );
    // The thread goes on answering.
    expect(await there.highlightToHtml('int x;', 'cpp')).toBe(
      await createCodeHighlighter().highlightToHtml('int x;', 'cpp'),
    );
  });
});
