import { Worker } from 'node:worker_threads';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { type CodeLanguage, createLineHighlighter, type HighlightedLines } from './highlight-lines.ts';
import type { HighlightRequest } from './highlight-worker.ts';

export { type CodeLanguage, codeLanguages } from './highlight-lines.ts';

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

/** Where lines are coloured. */
export interface CodeHighlighterOptions {
  /**
   * On a thread of its own (`highlight-worker.ts`), while this one goes on rendering: a build's highlighter. The
   * pages are the same either way.
   */
  worker?: boolean;
}

/**
 * Highlights code with both the light and the dark theme (as CSS classes), marking the given 1-based lines.
 * Lines are highlighted one at a time and each distinct line once per highlighter: a big export repeats the
 * same compiler and sanitizer lines thousands of times across jobs, patch sets and rebuilds, with only the
 * workspace path line differing. (A construct spanning lines, such as a block comment, is rare in compiler
 * output and then coloured line by line.) Lines `plain` accepts are shown as text, uncoloured: a compiler's
 * location line differs on every job and is no code to colour. Built from Shiki's HAST, never its HTML text.
 */
export function createCodeHighlighter(options: CodeHighlighterOptions = {}): CodeHighlighter {
  const highlightLines = options.worker ? workerHighlighter() : createLineHighlighter();
  /** Highlighted lines by language and text, or the answer they are waiting for. */
  const lines = new Map<string, Element | Promise<Element>>();
  const rules = new Set<string>();
  let preProperties: Element['properties'] | undefined;

  const request = (batch: Array<[CodeLanguage, string]>, lang: CodeLanguage): Promise<HighlightedLines> => {
    const answer = highlightLines(batch, lang).then((result) => {
      preProperties ??= result.pre;
      for (const rule of result.rules) rules.add(rule);
      return result;
    });
    // Waited for by whichever page asks first; a failure reaches every page that needs the answer.
    answer.catch(() => {});
    return answer;
  };

  const highlight: CodeHighlighter['highlight'] = async (code, lang, markedLines = [], plain = () => false) => {
    const texts = code.split('\n');
    const batch: Array<[CodeLanguage, string]> = [];
    const pending: Array<{ key: string; index: number }> = [];
    for (const text of texts) {
      if (plain(text)) continue;
      const key = `${lang}\u0000${text}`;
      if (lines.has(key)) continue;
      // Bounded, so a huge export's distinct lines do not all stay in memory.
      if (lines.size >= 50_000) lines.clear();
      pending.push({ key, index: batch.length });
      batch.push([lang, text]);
    }
    // The `<pre>` comes with every answer: one is asked for when no line was highlighted yet.
    if (batch.length > 0 || preProperties === undefined) {
      const answer = request(batch, lang);
      for (const { key, index } of pending) {
        const line = answer.then((result) => result.lines[index] as Element);
        // A failed answer fails the page that asked; a line no other page waits for must not be an unhandled rejection.
        line.catch(() => {});
        lines.set(key, line);
      }
      await answer;
    }
    const marked = new Set(markedLines);
    const body: ElementContent[] = [];
    for (const [index, text] of texts.entries()) {
      let line: Element;
      if (plain(text)) {
        line = { type: 'element', tagName: 'span', properties: { className: ['line'] }, children: [] };
        if (text !== '') line.children.push({ type: 'text', value: text });
      } else {
        const key = `${lang}\u0000${text}`;
        const known = lines.get(key);
        line = known === undefined ? await lineOf(key, lang, text) : await known;
        // Once answered, the element itself stays, not its promise.
        if (known instanceof Promise && lines.get(key) === known) lines.set(key, line);
      }
      if (marked.has(index + 1)) {
        // Shiki names the class `class`, hast `className`: neither may stay beside the new one.
        const { class: _class, className: _className, ...properties } = line.properties;
        line = { ...line, properties: { ...properties, className: ['line', 'error-line'] } };
      }
      if (index > 0) body.push({ type: 'text', value: '\n' });
      body.push(line);
    }
    return {
      type: 'element',
      tagName: 'pre',
      properties: { ...preProperties },
      children: [{ type: 'element', tagName: 'code', properties: {}, children: body }],
    };
  };

  /** A line dropped from a full memo between being asked for and being used. */
  const lineOf = async (key: string, lang: CodeLanguage, text: string): Promise<Element> => {
    const line = (await request([[lang, text]], lang)).lines[0] as Element;
    lines.set(key, line);
    return line;
  };

  return {
    highlight,
    highlightToHtml: async (...args) => toHtml(await highlight(...args)),
    css: () => `${[...rules].sort().join('\n')}\n`,
  };
}

/**
 * Lines coloured on a thread of its own, started on the first request. It holds the process open only while
 * requests are waiting, so a build that is done exits.
 */
function workerHighlighter(): (lines: Array<[CodeLanguage, string]>, lang: CodeLanguage) => Promise<HighlightedLines> {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (result: HighlightedLines) => void; reject: (error: Error) => void }>();
  const fail = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    worker = undefined;
  };
  const start = () => {
    // The worker is a sibling of this module: `.ts` from the sources, `.js` in the compiled package.
    const started = new Worker(
      new URL(import.meta.url.replace(/highlight-code\.([cm]?[jt]s)$/, 'highlight-worker.$1')),
    );
    started.on('message', (message: { id: number; result?: HighlightedLines; error?: string }) => {
      const entry = waiting.get(message.id);
      if (!entry) return;
      waiting.delete(message.id);
      if (message.result) entry.resolve(message.result);
      else entry.reject(new Error(`highlighting failed: ${message.error}`));
      if (waiting.size === 0) started.unref();
    });
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`the highlighting thread stopped (exit code ${code})`)));
    return started;
  };
  return (lines, lang) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      worker.ref();
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, lines, lang } satisfies HighlightRequest);
    });
}
