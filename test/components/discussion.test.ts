import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import Discussion from '../../src/components/Discussion.astro';
import MessageItem from '../../src/components/MessageItem.astro';
import type { Message } from '../../src/lib/types.ts';
import { reviewChange, seedChange } from './support/fixtures.ts';
import { formatHtml } from './support/format-html.ts';
import { highlighter } from './support/highlighter.ts';
import { attributes, parseHtml, render, scriptableAttributes, tagNames, text, texts } from './support/render.ts';

const [upload, review, reply, vote] = reviewChange.messages as [Message, Message, Message, Message];

/** Renders one message as the change page does. */
async function renderMessage(message: Message, limit = 20_000) {
  return parseHtml(
    await render(MessageItem, { highlighter, message, limit, fullTextHref: '/changes/I9/messages.txt' }),
  );
}

/** A comment by a person, with the given text. */
function comment(text: string): Message {
  return { ...reply, text, inlineComments: [] };
}

describe('Discussion', () => {
  it('shows every message of the change, in order, each under a heading that deep links to it', async () => {
    const tree = parseHtml(await render(Discussion, { highlighter, change: reviewChange, limit: 20_000 }));
    expect(attributes(tree, 'article.message', 'ariaLabelledBy')).toEqual(reviewChange.messages.map((m) => m.id));
    expect(attributes(tree, 'article.message > h3', 'id')).toEqual(reviewChange.messages.map((m) => m.id));
    expect(texts(tree, 'article.message .author')).toEqual([
      'Mallory <script>alert(1)</script>',
      'Dave Rigby',
      'Trond Norbye',
      'Dave Rigby',
    ]);
    expect(attributes(tree, 'article.message', 'className')).toEqual([
      'message upload',
      'message comment',
      'message comment',
      'message vote',
    ]);
  });

  it('shows every message of the seed change, bot messages as plain text left out of the search index', async () => {
    const tree = parseHtml(await render(Discussion, { highlighter, change: seedChange, limit: 20_000 }));
    expect(selectAll('article.message', tree)).toHaveLength(seedChange.messages.length);
    const articles = selectAll('article.message.build-result', tree);
    expect(articles.map((article) => article.properties.dataPagefindIgnore)).toEqual(new Array(8).fill('all'));
    const bot = selectAll('article.message.build-result pre.text', tree);
    expect(bot).toHaveLength(8);
    expect(text(bot[0] as Element)).toMatch(/^Patch Set 25: Verified-1 Build Failed http:\/\/cv\.jenkins/);
  });

  it('links to the full text when a message is longer than the limit', async () => {
    const tree = parseHtml(await render(Discussion, { highlighter, change: reviewChange, limit: 60 }));
    const cut = selectAll('p.cut', tree).map((node) => text(node));
    expect(cut).toHaveLength(2);
    expect(cut[0]).toMatch(new RegExp(`^Shown: the first 60 of ${review.text.length} characters\\.`));
    expect(cut[1]).toMatch(new RegExp(`^Shown: the first 60 of ${reply.text.length} characters\\.`));
    expect(texts(tree, 'p.cut a')).toEqual(new Array(2).fill('Full text of every message of this change'));
    expect(attributes(tree, 'p.cut a', 'href')).toEqual(
      new Array(2).fill(`/changes/${reviewChange.slug}/messages.txt`),
    );
  });

  it('renders the review as in its snapshot', async () => {
    const html = await render(Discussion, { highlighter, change: reviewChange, limit: 20_000 });
    await expect(formatHtml(html)).toMatchFileSnapshot('./__snapshots__/discussion.review-change.html');
  });
});

describe('MessageItem', () => {
  it('shows the author, date, patch set and votes in its heading', async () => {
    const tree = await renderMessage(vote);
    expect(texts(tree, 'h3 .author')).toEqual(['Dave Rigby']);
    expect(texts(tree, 'h3 .muted')).toEqual(['· 2018-07-02 12:00 UTC · patch set 1']);
    expect(attributes(tree, 'h3 time', 'dateTime')).toEqual(['2018-07-02T12:00:00.000Z']);
    expect(texts(tree, 'h3 .badge')).toEqual(['Code-Review+2']);
    expect(texts(await renderMessage(review), 'h3 .badge')).toEqual(['Code-Review-1']);
  });

  // Known bug, reported to the owner of MessageItem.astro: Astro drops the line break between `</span>` and the
  // next element, so the heading reads "Dave Rigby· 2018-07-02" (and the cut note "characters.Full text").
  // Turn this back into `it` when it is fixed.
  it('separates the author from the date with a space', async () => {
    const tree = await renderMessage(vote);
    expect(text(select('h3', tree) as Element)).toBe('Dave Rigby · 2018-07-02 12:00 UTC · patch set 1 Code-Review+2');
  });

  it('renders what people write as Markdown: links, code blocks highlighted, lists', async () => {
    const tree = await renderMessage(reply);
    expect(attributes(tree, '.prose a', 'href')).toEqual(['https://example.com/design?a=1&b=2']);
    expect(attributes(tree, '.prose a', 'rel')).toEqual(['nofollow noopener noreferrer']);
    expect(texts(tree, '.prose a')).toEqual(['the design note']);
    expect(texts(tree, '.prose pre.shiki')).toEqual(['std::vector<int> v{1, 2};']);
    expect(texts(tree, '.prose li code')).toEqual(['Cookie::getConnection()']);
    expect(texts(tree, '.prose li')).toEqual([
      'Cookie::getConnection() is now const',
      'the lock is held by the caller',
    ]);
  });

  it('shows inline comments with their file and line, as text', async () => {
    const tree = await renderMessage(review);
    expect(texts(tree, '.inline-comments .where')).toEqual([
      'engines/ep/src/zanzibar.cc:42',
      'engines/ep/src/zanzibar.h (file comment)',
    ]);
    expect(texts(tree, '.inline-comments pre.text')).toEqual([
      'zanzibarquux again <iframe src="javascript:alert(1)"></iframe>',
      'Document the **ownership** here.',
    ]);
    expect(tagNames(tree)).not.toContain('iframe');
  });

  it('shows the markup of a hostile review as text, never as elements', async () => {
    const tree = await renderMessage(review);
    expect(
      tagNames(tree).filter(
        (tag) => !['article', 'h3', 'span', 'time', 'div', 'p', 'br', 'ul', 'li', 'code', 'pre'].includes(tag),
      ),
    ).toEqual([]);
    expect(scriptableAttributes(tree)).toEqual([]);
    expect(texts(tree, '.prose')).toEqual([
      'Patch Set 1: Code-Review-1 (2 comments) The zanzibarquux check <script>alert(1)</script> needs work. See the details and <img src=x onerror=alert(1)>. Literal entity text: <b> and AT&T stay as typed.',
    ]);
  });

  it('shows an author whose name is markup as text', async () => {
    const tree = await renderMessage(upload);
    expect(texts(tree, '.author')).toEqual(['Mallory <script>alert(1)</script>']);
    expect(tagNames(tree)).not.toContain('script');
  });

  it('shows a bot message as plain text, whatever it holds', async () => {
    const bot: Message = {
      ...seedChange.messages[1],
      text: '<script>alert(1)</script> [x](javascript:alert(1))',
    } as Message;
    const tree = await renderMessage(bot);
    expect(texts(tree, 'pre.text')).toEqual(['<script>alert(1)</script> [x](javascript:alert(1))']);
    expect(tagNames(tree)).not.toContain('script');
    expect(select('.prose', tree)).toBeUndefined();
  });

  const attacks = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=https://example.com/x.js></SCRIPT>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '<javascript:alert(1)>',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror=alert(1)>',
    '![x](https://example.com/tracker.png)',
    '<svg onload=alert(1)><circle r=1 /></svg>',
    '<iframe src="https://example.com"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<style>body { display: none }</style>',
    '<form action="https://example.com"><input name=a><button>go</button></form>',
    '<div onmouseover="alert(1)" style="position:fixed;inset:0">x</div>',
    '<a href="#m-1" id="m-1" name="x">clobber</a>',
    '```html\n<script>alert(1)</script>\n```',
    '<details open ontoggle=alert(1)><summary>x</summary></details>',
  ];

  it.each(attacks)('renders %j with no script, no active content and no javascript: link', async (attack) => {
    const tree = await renderMessage(comment(`Before.\n\n${attack}\n\nAfter.`));
    const allowed = ['article', 'h3', 'span', 'time', 'div', 'p', 'a', 'code', 'pre', 'details', 'summary', 'br'];
    expect(tagNames(tree).filter((tag) => !allowed.includes(tag))).toEqual([]);
    expect(scriptableAttributes(tree)).toEqual([]);
    expect(attributes(tree, '.prose a', 'href').every((href) => href !== null && /^https?:\/\//.test(href))).toBe(true);
    expect(attributes(tree, '.prose [id], .prose [name], .prose [style]', 'id')).toEqual([]);
    expect(texts(tree, '.prose p').at(0)).toBe('Before.');
    expect(texts(tree, '.prose p').at(-1)).toBe('After.');
  });

  it('shows code that holds markup as text', async () => {
    const tree = await renderMessage(comment('```html\n<script>alert(1)</script>\n```'));
    expect(texts(tree, '.prose pre')).toEqual(['<script>alert(1)</script>']);
  });
});
