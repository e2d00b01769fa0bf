import { type ShikiTransformerStyleToClass, transformerStyleToClass } from '@shikijs/transformers';
import { createHighlighter, type HighlighterGeneric } from 'shiki';

/** Languages the site highlights: compiler output reads best as C++, everything else as a log. */
export type CodeLanguage = 'cpp' | 'log' | 'text' | 'shellscript' | 'python' | 'json' | 'diff';
const languages: CodeLanguage[] = ['cpp', 'log', 'shellscript', 'python', 'json', 'diff'];

type Highlighter = HighlighterGeneric<string, string>;

// Created once per process and shared by every page (Vite loads pages as separate module instances).
const key = Symbol.for('review-reports.highlighter');
interface State {
  highlighter: Promise<Highlighter>;
  /** Highlighted lines by language and text. */
  lines: Map<string, string>;
  /** The opening `<pre>` tag, the same for every snippet. */
  pre: string | null;
  // Colours become classes collected into one stylesheet: inline styles on every token would make a
  // big export's pages several times heavier.
  toClass: ShikiTransformerStyleToClass;
}

function state(): State {
  const holder = globalThis as unknown as Record<symbol, State | undefined>;
  holder[key] ??= {
    highlighter: createHighlighter({
      themes: ['github-light', 'github-dark'],
      langs: languages,
    }) as Promise<Highlighter>,
    lines: new Map(),
    pre: null,
    toClass: transformerStyleToClass({ classPrefix: 'hl-' }),
  };
  return holder[key];
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

const lineMarkup = /<code>([\s\S]*)<\/code><\/pre>$/;

/**
 * Highlights code to HTML with both the light and the dark theme (as CSS classes), marking the given 1-based
 * lines. Lines are highlighted one at a time and each distinct line once per process: a big export repeats
 * the same compiler and sanitizer lines thousands of times across jobs, patch sets and rebuilds, with only
 * the workspace path line differing. (A construct spanning lines, such as a block comment, is rare in
 * compiler output and then coloured line by line.) Lines `plain` accepts are shown as text, uncoloured: a
 * compiler's location line differs on every job and is no code to colour.
 */
export async function highlightCode(
  code: string,
  lang: CodeLanguage,
  markedLines: readonly number[] = [],
  plain: (line: string) => boolean = () => false,
): Promise<string> {
  const current = state();
  const highlighter = await current.highlighter;
  const marked = new Set(markedLines);
  const body = code.split('\n').map((line, index) => {
    if (plain(line)) {
      const html = `<span class="line">${escapeHtml(line)}</span>`;
      return marked.has(index + 1) ? html.replace('<span class="line"', '<span class="line error-line"') : html;
    }
    const cacheKey = `${lang}\u0000${line}`;
    let html = current.lines.get(cacheKey);
    if (html === undefined) {
      const full = highlighter.codeToHtml(line, {
        lang,
        themes: { light: 'github-light', dark: 'github-dark' },
        defaultColor: false,
        transformers: [current.toClass],
      });
      current.pre ??= full.slice(0, full.indexOf('<code>'));
      html = lineMarkup.exec(full)?.[1] ?? '';
      // Bounded, so a huge export's distinct lines do not all stay in memory.
      if (current.lines.size >= 50_000) current.lines.clear();
      current.lines.set(cacheKey, html);
    }
    return marked.has(index + 1) ? html.replace('<span class="line"', '<span class="line error-line"') : html;
  });
  return `${current.pre}<code>${body.join('\n')}</code></pre>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The stylesheet for every colour class handed out so far, in a stable order. */
export function highlightCss(): string {
  const rules = state()
    .toClass.getCSS()
    .split(/(?<=\})/)
    .map((rule) => rule.trim())
    .filter(Boolean);
  return `${rules.sort().join('\n')}\n`;
}
