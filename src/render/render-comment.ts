import type { Element, Root } from 'hast';
import type { Html, Image, Link, Root as MdastRoot, Text } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { boundedMemo } from '../lib/bounded-memo.ts';
import { type CodeHighlighter, codeLanguage } from './highlight-code.ts';

// GitHub's sanitation schema, narrowed: links only to http(s), no images (they would load remote content),
// no ids or names (they could clash with the page's anchors).
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  tagNames: (defaultSchema.tagNames ?? []).filter(
    (tag) => !['img', 'picture', 'source', 'video', 'audio'].includes(tag),
  ),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id' && name !== 'name'),
    code: [['className', /^language-[\w+#.-]+$/]],
  },
};

/**
 * Raw HTML in a comment is something the reviewer typed, not markup to run: it is kept and shown as text
 * (block HTML as a paragraph of text), so nothing a reviewer wrote disappears.
 */
function remarkHtmlAsText() {
  return (tree: MdastRoot) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined) return;
      const text: Text = { type: 'text', value: node.value };
      parent.children.splice(
        index,
        1,
        (parent.type === 'root' ? { type: 'paragraph', children: [text] } : text) as never,
      );
    });
    // An image would load remote content into the page: it becomes a link to the image instead.
    visit(tree, 'image', (node: Image, index, parent) => {
      if (!parent || index === undefined) return;
      const link: Link = { type: 'link', url: node.url, children: [{ type: 'text', value: node.alt || node.url }] };
      parent.children.splice(index, 1, link as never);
    });
  };
}

/** Links that survived sanitizing but are not absolute http(s) URLs become plain text; the rest open safely. */
function rehypeSafeLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || !parent || index === undefined) return;
      const href = typeof node.properties.href === 'string' ? node.properties.href : '';
      if (!/^https?:\/\//i.test(href)) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      node.properties.rel = ['nofollow', 'noopener', 'noreferrer'];
      return undefined;
    });
  };
}

/** Replaces fenced code blocks with Shiki's highlighting, after sanitizing (Shiki's tree holds text, not markup). */
function rehypeHighlight(highlighter: CodeHighlighter) {
  return async (tree: Root) => {
    const blocks: Array<{ node: Element; code: string; lang: string | undefined }> = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'pre') return;
      const code = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      if (!code) return;
      const className = Array.isArray(code.properties.className) ? code.properties.className : [];
      const lang = className
        .map(String)
        .find((name) => name.startsWith('language-'))
        ?.slice('language-'.length);
      const text = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      blocks.push({ node, code: text.replace(/\n$/, ''), lang });
    });
    for (const block of blocks) {
      block.node.tagName = 'div';
      block.node.properties = { className: ['code-block'] };
      block.node.children = [await highlighter.highlight(block.code, codeLanguage(block.lang))];
    }
  };
}

// One processor per highlighter: unified freezes its plugins and their options.
const processors = new WeakMap<CodeHighlighter, ReturnType<typeof createProcessor>>();

function createProcessor(highlighter: CodeHighlighter) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkHtmlAsText)
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(rehypeSafeLinks)
    .use(rehypeHighlight, highlighter)
    .use(rehypeStringify);
}

/**
 * Renders review text as Markdown to safe HTML: raw HTML in the text is dropped, only http(s) links stay
 * links, code blocks are highlighted. No raw HTML goes into the output: Shiki's result is a tree of text.
 */
export function renderComment(text: string, highlighter: CodeHighlighter): Promise<string> {
  let renderOnce = memos.get(highlighter);
  if (renderOnce === undefined) {
    renderOnce = boundedMemo(
      (comment: string): Promise<string> =>
        isPlainText(comment) ? Promise.resolve(plainParagraphs(comment)) : markdownToHtml(comment, highlighter),
      5000,
    );
    memos.set(highlighter, renderOnce);
  }
  return renderOnce(text);
}

// Review comments repeat (`Patch Set 3: Code-Review+2`, the same remark on every patch set of a change, a bot's
// canned text): each distinct text is rendered once per highlighter. The promise is kept, so a page rendering the
// same text twice at once still parses it once.
const memos = new WeakMap<CodeHighlighter, (text: string) => Promise<string>>();

/** The full Markdown path of {@link renderComment}, without its shortcut for plain text. */
export async function markdownToHtml(text: string, highlighter: CodeHighlighter): Promise<string> {
  let processor = processors.get(highlighter);
  if (processor === undefined) {
    processor = createProcessor(highlighter);
    processors.set(highlighter, processor);
  }
  return String(await processor.process(text));
}

// Most review comments are a few plain sentences; parsing them as Markdown is most of a big build's
// rendering time. Text made only of these characters, with no line that Markdown reads as a list, heading
// or code, renders exactly as paragraphs would (a test compares both paths).
// `+` only starts a list at the start of a line, `!` only an image before `[`: both are common in votes
// (`Code-Review+2`) and remarks. A line starting with `:` may be a table's delimiter row (`a` over `:-` is a
// table of one column).
const plainCharacters = /^[A-Za-z0-9 ,.;:'"?()!+\n/-]*$/;
const specialLine = /^(?:[ +:-]|\d+[.)]|[-=]+$)|\s$/;

function isPlainText(text: string): boolean {
  if (!plainCharacters.test(text) || /https?:|www\.|:\/\//i.test(text)) return false;
  return text.split('\n').every((line) => !specialLine.test(line));
}

function plainParagraphs(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph !== '');
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
}
