// A thread that colours lines for `highlight-code.ts`: Shiki's tokenizer is the largest single cost of rendering a
// big export's pages, and here it runs beside the thread that renders them, with a heap of its own to collect.
import { parentPort } from 'node:worker_threads';
import { type CodeLanguage, createLineHighlighter } from './highlight-lines.ts';

/** A request: lines to colour, answered with the same `id`. */
export interface HighlightRequest {
  id: number;
  lines: Array<[CodeLanguage, string]>;
  /** The snippet's language, for the `<pre>` of a first snippet with no line to colour. */
  lang: CodeLanguage;
}

const highlightLines = createLineHighlighter();
parentPort?.on('message', ({ id, lines, lang }: HighlightRequest) => {
  highlightLines(lines, lang).then(
    (result) => parentPort?.postMessage({ id, result }),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? error.stack : String(error) }),
  );
});
