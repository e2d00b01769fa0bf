import type { Element, Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { codeLanguage, highlightCode } from './highlight-code.ts';

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

/** Replaces fenced code blocks with Shiki's highlighting, after sanitizing (Shiki escapes what it emits). */
function rehypeHighlight() {
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
      const html = await highlightCode(block.code, codeLanguage(block.lang));
      block.node.tagName = 'div';
      block.node.properties = { className: ['code-block'] };
      block.node.children = [{ type: 'raw', value: html } as unknown as Element];
    }
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeSafeLinks)
  .use(rehypeHighlight)
  .use(rehypeStringify, { allowDangerousHtml: true });

/**
 * Renders review text as Markdown to safe HTML: raw HTML in the text is dropped, only http(s) links stay
 * links, code blocks are highlighted. The only raw HTML in the output is Shiki's, which escapes its input.
 */
export async function renderComment(text: string): Promise<string> {
  return String(await processor.process(text));
}
