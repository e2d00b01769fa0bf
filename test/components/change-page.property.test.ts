import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import BuildMatrix from '../../src/components/BuildMatrix.astro';
import ChangeSummary from '../../src/components/ChangeSummary.astro';
import Discussion from '../../src/components/Discussion.astro';
import FailureList from '../../src/components/FailureList.astro';
import PatchSetTimeline from '../../src/components/PatchSetTimeline.astro';
import { buildModel } from '../../src/lib/build-model.ts';
import { readExportFile } from '../../src/lib/read-export-file.ts';
import type { Change, Message } from '../../src/lib/types.ts';
import { type WrittenDump, writeCrop } from '../lib/support/write-dump.ts';
import { highlighter } from './support/highlighter.ts';
import { attributes, parseHtml, render, scriptableAttributes, tagNames } from './support/render.ts';

/**
 * The whole path, dump text → model → the change page's content, for arbitrary authors, subjects, messages,
 * inline comments and test names full of markup: nothing of the input becomes an element or an attribute, and
 * every message and failure of the model is on the page.
 */

// Everything the change page's components and the Markdown renderer emit; an element of any other kind came
// from the input. (No `img`, `script`, `style`, `iframe`, `svg`, `form`, `b`, `i`, `meta`, `base`, …)
const pageTags = new Set([
  'a',
  'article',
  'blockquote',
  'br',
  'caption',
  'code',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'input',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'span',
  'strong',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'time',
  'tr',
  'ul',
]);

const markup = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><b onmouseover=alert(1)>bold</b>",
  '<a href="javascript:alert(1)">link</a>',
  '[x](javascript:alert(1))',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<svg onload=alert(1)>',
  '<style>*{display:none}</style>',
  '<meta http-equiv="refresh" content="0">',
  '&lt;script&gt;',
  '&#106;avascript:',
  '<!-- hidden -->',
  '*em* __strong__ `code`',
  '# heading',
  '> quote',
  '- item',
  '| a | b |',
  '\u202eevil\u202c',
  '\u0007\u001b[31m',
  '{{constructor}} $' + '{x}',
  '../../etc/passwd %2e%2e/',
  '<',
  '>',
  '"',
  "'",
  '&',
);
/** A run of arbitrary characters: no line ends, no NUL (a binary file), no `]` (Markdown link syntax). */
const chars = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
  .map((text) => text.replaceAll('\u0000', ' ').replace(/[\r\n\]]/g, ' '));
const token = fc.oneof(markup, chars);
const oneLine = (maxLength: number) =>
  fc
    .array(token, { minLength: 1, maxLength })
    .map((tokens) => tokens.join(' ').trim())
    .filter((line) => line !== '');

// Lines a dump uses as structure: a separator, an inline comment, the mismatched marker. Fenced code's info
// string is not shown, so fences are left out too.
const structural = /^(?:-{10,}$|Line:\s*\d+,|File Comment:|MISMATCHED INLINE COMMENT$)|`{3}|~{3}/i;
const textLine = oneLine(6).filter((line) => !structural.test(line));
const messageText = fc
  .array(fc.oneof(textLine, fc.constant('')), { minLength: 1, maxLength: 5 })
  .map((lines) => lines.join('\n'));
const testName = oneLine(3).filter((name) => !/\s\.\.|[()]|^\s|\s$/.test(name));
const path = oneLine(2).filter((line) => !/->|^\s|\s$/.test(line));

const input = fc.record({
  subject: textLine,
  authors: fc.array(oneLine(3), { minLength: 3, maxLength: 3 }),
  comment: messageText,
  inline: fc.option(fc.record({ path, line: fc.integer({ min: 1, max: 9999 }), text: textLine }), { nil: undefined }),
  tests: fc.uniqueArray(testName, { minLength: 1, maxLength: 3 }),
});

const job = 'http://cv.jenkins.couchbase.com/job/kv_engine-linux-master/42/';

function dumpOf(generated: Generated): string {
  const [owner, bot, reviewer] = generated.authors as [string, string, string];
  const causes = generated.tests.map(
    (test, index) => `Failure of a CTest test  ${index + 1}/9 Test  #${index + 1}: ${test} ....... ( ${job} )`,
  );
  const dump: WrittenDump = {
    description: `${generated.subject}\n\nChange-Id: I0123456789abcdef0123456789abcdef01234567`,
    messages: [
      { author: owner, date: '2018-07-01 10:00:00.000000000', text: 'Uploaded patch set 1.' },
      {
        author: bot,
        date: '2018-07-01 10:30:00.000000000',
        text: `Patch Set 1: Verified-1\n\nBuild Failed \n\n${job} : FAILURE\n\n${causes.join('\n\n')}`,
      },
      {
        author: reviewer,
        date: '2018-07-01 11:00:00.000000000',
        text: `Patch Set 1:\n\n${generated.comment}`,
        inlineComments: generated.inline ? [generated.inline] : [],
      },
    ],
  };
  return writeCrop(dump);
}

interface Generated {
  subject: string;
  authors: string[];
  comment: string;
  inline: { path: string; line: number; text: string } | undefined;
  tests: string[];
}

/** The page content of a change, as the change page lays it out. */
async function renderChange(change: Change): Promise<Root> {
  const flaky = new Set<string>();
  const parts = await Promise.all([
    render(ChangeSummary, { change, ticketUrl: undefined }),
    render(BuildMatrix, { change }),
    render(FailureList, { highlighter, change, flaky }),
    render(PatchSetTimeline, { change }),
    render(Discussion, { highlighter, change, limit: 20_000 }),
  ]);
  return parseHtml(`<main>${parts.join('\n')}</main>`);
}

/**
 * The words a reader must find of a Markdown text: runs of letters and digits, without what Markdown reads as
 * syntax rather than text (link destinations, character references, ordered-list numbers).
 */
function words(text: string): string[] {
  const visible = text
    .replace(/\]\((?:[^()]|\([^()]*\))*\)/g, ' ')
    .replace(/&#?[A-Za-z0-9]+;/g, ' ')
    .replace(/^ {0,3}\d{1,9}[.)](?=\s|$)/gm, ' ');
  return visible.match(/[A-Za-z0-9]+/g) ?? [];
}

const plainKinds = new Set<Message['kind']>(['upload', 'build-started', 'build-result']);

describe('a change page made from an arbitrary dump', () => {
  it('holds no element or attribute from the input, and every message and failure of the model', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (generated) => {
        const { dump, warnings } = readExportFile(Buffer.from(dumpOf(generated)), 'generated.txt');
        expect(warnings).toEqual([]);
        const model = buildModel(dump ? [dump] : [], warnings, { files: 1, bytes: 0 });
        const change = model.changes[0] as Change;
        expect(change.messages).toHaveLength(3);
        const tree = await renderChange(change);

        // (a) No markup from the input.
        expect(tagNames(tree).filter((tag) => !pageTags.has(tag))).toEqual([]);
        expect(scriptableAttributes(tree)).toEqual([]);
        for (const input of selectAll('input', tree)) expect(input.properties.type).toBe('checkbox');
        for (const link of selectAll('a[href]', tree)) {
          expect(String(link.properties.href)).toMatch(/^(?:#|\/|https?:\/\/)/);
        }

        // (b) Conservation: the subject, every author, message, inline comment and failure signature.
        expect(textOf(selectAll('h1', tree)[0] as Element)).toBe(generated.subject);
        const articles = selectAll('article.message', tree);
        expect(attributes(tree, 'article.message', 'ariaLabelledBy')).toEqual(change.messages.map((m) => m.id));
        change.messages.forEach((message, index) => {
          const article = articles[index] as Element;
          expect(textOf(selectAll('.author', article)[0] as Element)).toBe(message.author);
          if (plainKinds.has(message.kind)) {
            expect(textOf(selectAll(':scope > pre.text', article)[0] as Element)).toBe(message.text);
          } else {
            const shown = textOf(selectAll('.prose', article)[0] as Element);
            const missing = words(message.text).filter((word) => !shown.includes(word));
            expect(missing, message.text).toEqual([]);
          }
          const comments = selectAll('.inline-comments li', article);
          expect(comments.map((li) => textOf(selectAll('pre.text', li)[0] as Element))).toEqual(
            message.inlineComments.map((comment) => comment.text),
          );
          expect(comments.map((li) => textOf(selectAll('code.where', li)[0] as Element))).toEqual(
            message.inlineComments.map((comment) => `${comment.path}:${comment.line}`),
          );
        });
        expect(change.messages.map((message) => message.author)).toEqual(generated.authors.map((a) => a.trim()));
        expect(change.messages[2]?.text).toBe(`Patch Set 1:\n\n${generated.comment}`.replace(/\n+$/, ''));
        const failures = change.runs.flatMap((run) => run.failures.map((failure) => failure.signature));
        // Signatures collapse runs of whitespace in the test name (see classify-failure.ts).
        expect(failures).toEqual(generated.tests.map((test) => `ctest:${test.replace(/\s+/g, ' ')}`));
        expect(selectAll('li.failure h4 code', tree).map((node) => textOf(node))).toEqual(failures);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
