import { type ShikiTransformerStyleToClass, transformerStyleToClass } from '@shikijs/transformers';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { createHighlighter, type HighlighterGeneric } from 'shiki';

/** Languages the site highlights: compiler output reads best as C++, everything else as a log. */
export const codeLanguages = ['cpp', 'log', 'text', 'shellscript', 'python', 'json', 'diff'] as const;
export type CodeLanguage = (typeof codeLanguages)[number];

type Highlighter = HighlighterGeneric<string, string>;

/**
 * Shiki with the site's themes, and the colour classes it handed out. One is created per build by the
 * integration and passed to whatever renders code, so every page's classes end up in one `highlight.css`.
 */
export interface CodeHighlighter {
  /** The `<pre>` element of a snippet; see {@link createCodeHighlighter}. */
  highlight(
    code: string,
    lang: CodeLanguage,
    markedLines?: readonly number[],
    plain?: (line: string) => boolean,
  ): Promise<Element>;
  /** {@link CodeHighlighter.highlight} serialized. */
  highlightToHtml(
    code: string,
    lang: CodeLanguage,
    markedLines?: readonly number[],
    plain?: (line: string) => boolean,
  ): Promise<string>;
  /** The stylesheet for every colour class handed out so far, in a stable order. */
  css(): string;
}

/** Languages a fenced code block may name, mapped to the ones loaded. */
export function codeLanguage(name: string | undefined): CodeLanguage {
  const lang = (name ?? '').toLowerCase();
  if (['c', 'cc', 'cpp', 'c++', 'h', 'hpp', 'cxx'].includes(lang)) return 'cpp';
  if (['sh', 'bash', 'shell', 'shellscript', 'console'].includes(lang)) return 'shellscript';
  if (['py', 'python'].includes(lang)) return 'python';
  if (lang === 'json') return 'json';
  if (['diff', 'patch'].includes(lang)) return 'diff';
  if (lang === 'log') return 'log';
  return 'text';
}

/**
 * Highlights code with both the light and the dark theme (as CSS classes), marking the given 1-based lines.
 * Lines are highlighted one at a time and each distinct line once per highlighter: a big export repeats the
 * same compiler and sanitizer lines thousands of times across jobs, patch sets and rebuilds, with only the
 * workspace path line differing. (A construct spanning lines, such as a block comment, is rare in compiler
 * output and then coloured line by line.) Lines `plain` accepts are shown as text, uncoloured: a compiler's
 * location line differs on every job and is no code to colour. Built from Shiki's HAST, never its HTML text.
 */
export function createCodeHighlighter(): CodeHighlighter {
  let shiki: Promise<Highlighter> | undefined;
  /** Highlighted lines by language and text. */
  const lines = new Map<string, Element>();
  let preProperties: Element['properties'] | undefined;
  // Colours become classes collected into one stylesheet: inline styles on every token would make a big
  // export's pages several times heavier.
  const toClass: ShikiTransformerStyleToClass = transformerStyleToClass({ classPrefix: 'hl-' });

  const toHast = (highlighter: Highlighter, line: string, lang: CodeLanguage): Element => {
    const root: Root = highlighter.codeToHast(line, {
      lang,
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      // Shiki stops colouring a line after 500 ms by default: on a busy machine (the first lines, while the
      // grammar's expressions compile) the same export would give different pages.
      tokenizeTimeLimit: 0,
      transformers: [toClass],
    });
    const pre = root.children.find((child): child is Element => child.type === 'element');
    const code = pre?.children.find((child): child is Element => child.type === 'element');
    const span = code?.children.find((child): child is Element => child.type === 'element');
    if (!pre || !span) throw new Error(`Shiki returned no line for ${JSON.stringify(line)}`);
    preProperties ??= pre.properties;
    return span;
  };

  const highlight: CodeHighlighter['highlight'] = async (code, lang, markedLines = [], plain = () => false) => {
    shiki ??= createHighlighter({
      themes: ['github-light', 'github-dark'],
      // `text` is Shiki's built-in plain text, not a grammar to load.
      langs: codeLanguages.filter((lang) => lang !== 'text'),
    }) as Promise<Highlighter>;
    const highlighter = await shiki;
    // The `<pre>` is the same for every snippet: take it from an empty one when every line is plain.
    if (preProperties === undefined) toHast(highlighter, '', lang);
    const marked = new Set(markedLines);
    const body: ElementContent[] = [];
    code.split('\n').forEach((text, index) => {
      let line: Element;
      if (plain(text)) {
        line = { type: 'element', tagName: 'span', properties: { className: ['line'] }, children: [] };
        if (text !== '') line.children.push({ type: 'text', value: text });
      } else {
        const key = `${lang}\u0000${text}`;
        const cached = lines.get(key);
        line = cached ?? toHast(highlighter, text, lang);
        // Bounded, so a huge export's distinct lines do not all stay in memory.
        if (cached === undefined) {
          if (lines.size >= 50_000) lines.clear();
          lines.set(key, line);
        }
      }
      if (marked.has(index + 1)) {
        // Shiki names the class `class`, hast `className`: neither may stay beside the new one.
        const { class: _class, className: _className, ...properties } = line.properties;
        line = { ...line, properties: { ...properties, className: ['line', 'error-line'] } };
      }
      if (index > 0) body.push({ type: 'text', value: '\n' });
      body.push(line);
    });
    return {
      type: 'element',
      tagName: 'pre',
      properties: { ...preProperties },
      children: [{ type: 'element', tagName: 'code', properties: {}, children: body }],
    };
  };

  return {
    highlight,
    highlightToHtml: async (...args) => toHtml(await highlight(...args)),
    css: () => {
      const rules = toClass
        .getCSS()
        .split(/(?<=\})/)
        .map((rule) => rule.trim())
        .filter(Boolean);
      return `${rules.sort().join('\n')}\n`;
    },
  };
}
