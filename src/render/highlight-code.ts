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
  cache: Map<string, string>;
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
    cache: new Map(),
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

/**
 * Highlights code to HTML with both the light and the dark theme (as CSS variables), marking the given
 * 1-based lines. Each distinct input is highlighted once per process: a big export repeats the same
 * compiler and sanitizer output thousands of times.
 */
export async function highlightCode(
  code: string,
  lang: CodeLanguage,
  markedLines: readonly number[] = [],
): Promise<string> {
  const { highlighter, cache, toClass } = state();
  const cacheKey = `${lang}\u0000${markedLines.join(',')}\u0000${code}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const marked = new Set(markedLines);
  const html = (await highlighter).codeToHtml(code, {
    lang,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
    transformers: [
      toClass,
      {
        line(node, line) {
          if (marked.has(line)) this.addClassToHast(node, 'error-line');
        },
      },
    ],
  });
  cache.set(cacheKey, html);
  return html;
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
