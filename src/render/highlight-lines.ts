import { type ShikiTransformerStyleToClass, transformerStyleToClass } from '@shikijs/transformers';
import type { Element, Root } from 'hast';
import { createHighlighter, type HighlighterGeneric } from 'shiki';

/** Languages the site highlights: compiler output reads best as C++, everything else as a log. */
export const codeLanguages = ['cpp', 'log', 'text', 'shellscript', 'python', 'json', 'diff'] as const;
export type CodeLanguage = (typeof codeLanguages)[number];

/** Lines highlighted by {@link createLineHighlighter}. */
export interface HighlightedLines {
  /** Each line's `<span class="line">`, in the order asked. */
  lines: Element[];
  /** The properties of Shiki's `<pre>`, the same for every snippet. */
  pre: Element['properties'];
  /** The stylesheet rules of colour classes handed out since the last call (each rule once). */
  rules: string[];
}

/**
 * Shiki with the site's themes, colouring one line at a time: the part of highlighting that may run on a thread of
 * its own (`highlight-worker.ts`). Colours become classes (`hl-…`, named by a digest of the style, so any
 * highlighter gives a style the same class), collected into one stylesheet: inline styles on every token would
 * make a big export's pages several times heavier.
 */
export function createLineHighlighter(): (
  lines: ReadonlyArray<readonly [CodeLanguage, string]>,
  lang: CodeLanguage,
) => Promise<HighlightedLines> {
  let shiki: Promise<HighlighterGeneric<string, string>> | undefined;
  const toClass: ShikiTransformerStyleToClass = transformerStyleToClass({ classPrefix: 'hl-' });
  const sent = new Set<string>();
  let pre: Element['properties'] | undefined;

  const toHast = (highlighter: HighlighterGeneric<string, string>, line: string, lang: CodeLanguage): Element => {
    const root: Root = highlighter.codeToHast(line, {
      lang,
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      // Shiki stops colouring a line after 500 ms by default: on a busy machine (the first lines, while the
      // grammar's expressions compile) the same export would give different pages.
      tokenizeTimeLimit: 0,
      transformers: [toClass],
    });
    const preElement = root.children.find((child): child is Element => child.type === 'element');
    const code = preElement?.children.find((child): child is Element => child.type === 'element');
    const span = code?.children.find((child): child is Element => child.type === 'element');
    if (!preElement || !span) throw new Error(`Shiki returned no line for ${JSON.stringify(line)}`);
    pre ??= preElement.properties;
    return span;
  };

  return async (lines, lang) => {
    shiki ??= createHighlighter({
      themes: ['github-light', 'github-dark'],
      // `text` is Shiki's built-in plain text, not a grammar to load.
      langs: codeLanguages.filter((lang) => lang !== 'text'),
    }) as Promise<HighlighterGeneric<string, string>>;
    const highlighter = await shiki;
    // The `<pre>` is the same for every snippet: taken from an empty one of the snippet's language when none was
    // highlighted yet (an empty line of the `text` language would hand out a colour class of no colour).
    if (pre === undefined) toHast(highlighter, '', lang);
    const highlighted = lines.map(([lang, line]) => toHast(highlighter, line, lang));
    const rules = toClass
      .getCSS()
      .split(/(?<=\})/)
      .map((rule) => rule.trim())
      .filter((rule) => rule !== '' && !sent.has(rule));
    for (const rule of rules) sent.add(rule);
    return { lines: highlighted, pre: pre as Element['properties'], rules };
  };
}
