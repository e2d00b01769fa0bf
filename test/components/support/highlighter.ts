import { createCodeHighlighter } from '../../../src/render/highlight-code.ts';

/** One highlighter for every component rendered in a test file, as a build has one for all its pages. */
export const highlighter = createCodeHighlighter();
