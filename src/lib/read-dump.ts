import { boundedMemo } from './bounded-memo.ts';
import { copyString, ownString } from './own-string.ts';
import { parseDate } from './parse-date.ts';
import { parseDescription } from './parse-description.ts';
import { trimBlankLines } from './trim-blank-lines.ts';
import type { Dump, DumpLayout, InlineComment, RawMessage, Warning } from './types.ts';

/** The result of reading one export file: the dump, unless the file is not one, and what was wrong with it. */
export interface ReadDumpResult {
  dump: Dump | null;
  warnings: Warning[];
}

const ruler = /^={10,}$/;
const separator = /^-{10,}$/;
const descriptionMarker = /^DESCRIPTION:?$/i;
const commentsMarker = /^COMMENTS:?$/i;
// Lines never hold \n or \r, but may hold U+2028 and U+2029, which `.` does not match without the `s` flag.
const authorHeader = /^author:[ \t]*(.*)$/is;
const dateHeader = /^date:[ \t]*(.*)$/is;
const messageHeader = /^message:[ \t]?(.*)$/is;
const inlineLine = /^Line:\s*(\d+),\s*(.+?) -> ?(.*)$/s;
const fileComment = /^File Comment:\s*(.+?) -> ?(.*)$/s;
const mismatchedMarker = 'MISMATCHED INLINE COMMENT';
const dash = 0x2d;
const lf = 0x0a;
const cr = 0x0d;
// A few dozen people write every message of an export: a small memo of its own in front of `ownString`'s (see
// `ownResult` in extract-build.ts).
const ownAuthor = boundedMemo(ownString);

/**
 * Reads the text of one export file into a dump: its commit message and its review messages, each with the
 * file and line it came from. Two layouts are understood: the seed layout (`=` rulers, `DESCRIPTION:`,
 * `Author:`/`Date:`/`Message:` blocks between long dash lines) and the CROP writer's (`DESCRIPTION`,
 * `author:`/`date:` blocks, inline comments, 37-dash separators).
 *
 * Never throws. A dash line is a separator only when an author/date header (or the end of the file) follows
 * it; otherwise it is message text, and so is an `Author:` line that no separator precedes.
 */
export function readDump(text: string, file: string): ReadDumpResult {
  const warnings: Warning[] = [];
  const warn = (code: Warning['code'], line: number | undefined, message: string) => {
    const warning: Warning = { code, file, message };
    if (line !== undefined) warning.line = line;
    warnings.push(warning);
  };

  const lines = splitLines(text);
  let i = skipBlank(lines, 0);
  while (i < lines.length && ruler.test(lines[i] as string)) i = skipBlank(lines, i + 1);
  if (i >= lines.length) {
    warn('empty', undefined, 'the file is empty or holds only whitespace; skipped');
    return { dump: null, warnings };
  }
  if (!descriptionMarker.test(lines[i] as string)) {
    warn(
      'not-a-dump',
      i + 1,
      `expected a DESCRIPTION line, found ${quote(lines[i] as string)}; the file is not a review dump and was skipped`,
    );
    return { dump: null, warnings };
  }
  let layout: DumpLayout = (lines[i] as string).endsWith(':') ? 'seed' : 'crop';

  const descriptionStart = i + 1;
  const comments = findCommentsMarker(lines, descriptionStart);
  const descriptionEnd = comments < 0 ? lines.length : comments;
  const descriptionLines = trimBlankLines(lines.slice(descriptionStart, descriptionEnd));
  while (descriptionLines.length > 0 && ruler.test(descriptionLines.at(-1) as string)) descriptionLines.pop();
  const firstDescriptionLine = lines.indexOf(descriptionLines[0] as string, descriptionStart);
  const description = parseDescription(trimBlankLines(descriptionLines).join('\n'), {
    file,
    line: (firstDescriptionLine < 0 ? descriptionStart : firstDescriptionLine) + 1,
  });

  const messages: RawMessage[] = [];
  if (comments < 0) {
    warn('truncated', lines.length, 'the file ends before its COMMENTS section; kept the description');
    return { dump: { file, layout, description, messages }, warnings };
  }
  // The lengths of the separators that closed messages: a last one shorter than the rest was cut.
  const closers: Array<{ line: number; length: number }> = [];
  let lastClosed = false;

  i = comments + 1;
  while (i < lines.length && (ruler.test(lines[i] as string) || (lines[i] as string) === '')) i++;
  if (i < lines.length && authorHeader.test(lines[i] as string)) {
    layout = /^author:/.test(lines[i] as string) ? 'crop' : 'seed';
  }

  while (i < lines.length) {
    const start = i;
    let author = '';
    let rawDate = '';
    const body: string[] = [];
    const headerOk = isHeader(lines, i);
    let bodyStart = i;
    if (headerOk) {
      author = ownAuthor((authorHeader.exec(lines[i] as string) as RegExpExecArray)[1]?.trim() ?? '');
      // A copy: a view into the line would keep the whole file's text alive for as long as the dump is, through
      // the reading of every other file and the assembly, which the garbage collector then copies twice.
      rawDate = copyString((dateHeader.exec(lines[i + 1] as string) as RegExpExecArray)[1]?.trim() ?? '');
      i += 2;
      bodyStart = i;
      const message = i < lines.length ? messageHeader.exec(lines[i] as string) : null;
      if (message) {
        if (message[1]?.trim()) body.push(message[1]);
        else bodyStart++;
        i++;
      }
    } else {
      warn(
        'missing-header',
        start + 1,
        `expected an author/date header, found ${quote(lines[i] as string)}; kept the text as a message by an unknown author`,
      );
    }
    while (i < lines.length && !isSeparator(lines, i)) {
      body.push(lines[i] as string);
      i++;
    }
    lastClosed = i < lines.length;
    if (lastClosed) closers.push({ line: i + 1, length: (lines[i] as string).length });
    else {
      warn(
        'truncated',
        lines.length,
        `the last message (line ${start + 1}) has no closing separator; kept what is there`,
      );
    }
    i++;

    const date = parseDate(rawDate);
    if (headerOk && date === null) {
      warn('bad-date', start + 2, `the date ${quote(rawDate)} does not parse; the message is kept without a date`);
    }
    messages.push(
      buildMessage(body, { author, rawDate, date, file, line: start + 1, bodyLine: bodyStart + 1, layout }),
    );
    while (i < lines.length && (lines[i] as string) === '' && !isHeader(lines, i)) i++;
  }

  const last = closers.at(-1);
  const longest = Math.max(0, ...closers.slice(0, -1).map((closer) => closer.length));
  if (lastClosed && last && last.length < longest) {
    warn(
      'truncated',
      last.line,
      `the closing separator has ${last.length} dashes where the others have ${longest}: the file was cut; kept what is there`,
    );
  } else if (!warnings.some((warning) => warning.code === 'truncated') && endsInsideLine(text)) {
    warn('truncated', lines.length, 'the file ends inside its last line (no line break after it); kept what is there');
  }
  return { dump: { file, layout, description, messages }, warnings };
}

/** Text after the last line break that is not blank: the writer stopped part-way through a line. */
function endsInsideLine(text: string): boolean {
  // From the end: `lastIndexOf('\r')` would read the whole text of every file that has no carriage return.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) !== lf && text.charCodeAt(end - 1) !== cr) end--;
  return text.slice(end).trim() !== '';
}

interface MessageContext {
  author: string;
  rawDate: string;
  date: string | null;
  file: string;
  line: number;
  bodyLine: number;
  layout: DumpLayout;
}

function buildMessage(body: string[], context: MessageContext): RawMessage {
  const { file, layout } = context;
  const inlineComments: InlineComment[] = [];
  let mismatched = false;
  let textLines = body;
  if (layout === 'crop') {
    const first = body.findIndex((line) => line !== '');
    if (first >= 0 && body[first] === mismatchedMarker) {
      mismatched = true;
      textLines = body.slice(0, first).concat(body.slice(first + 1));
    }
    const offset = body.length - textLines.length;
    const inlineStart = textLines.findIndex((line) => inlineLine.test(line) || fileComment.test(line));
    if (inlineStart >= 0) {
      let current: { comment: InlineComment; lines: string[] } | null = null;
      const flush = () => {
        if (current) current.comment.text = trimBlankLines(current.lines).join('\n');
      };
      for (let k = inlineStart; k < textLines.length; k++) {
        const line = textLines[k] as string;
        const lineMatch = inlineLine.exec(line);
        const fileMatch = lineMatch ? null : fileComment.exec(line);
        if (lineMatch || fileMatch) {
          flush();
          const position = { file, line: context.bodyLine + k + offset };
          const comment: InlineComment = lineMatch
            ? { path: (lineMatch[2] as string).trim(), line: Number(lineMatch[1]), text: '', position }
            : { path: ((fileMatch as RegExpExecArray)[1] as string).trim(), text: '', position };
          current = { comment, lines: [(lineMatch ? lineMatch[3] : (fileMatch as RegExpExecArray)[2]) ?? ''] };
          inlineComments.push(comment);
        } else {
          current?.lines.push(line);
        }
      }
      flush();
      textLines = textLines.slice(0, inlineStart);
    }
  }
  const leading = textLines.findIndex((line) => line !== '');
  return {
    author: context.author,
    date: context.date,
    rawDate: context.rawDate,
    text: messageText(trimBlankLines(textLines)),
    textLine: context.bodyLine + Math.max(leading, 0) + (mismatched ? 1 : 0),
    inlineComments,
    mismatched,
    position: { file, line: context.line },
  };
}

/** A message's lines as one text: a join of several is a new string, a single line is a view into the file. */
function messageText(lines: readonly string[]): string {
  return lines.length === 1 ? ownString(lines[0] as string) : lines.join('\n');
}

/** Lines without their end-of-line characters and trailing whitespace; a BOM at the start is dropped. */
function splitLines(text: string): string[] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = start ? text.slice(start) : text;
  // Most exports end lines with \n alone: a plain split is several times faster than the regex one.
  const lines = body.includes('\r') ? body.split(/\r\n|\n|\r/) : body.split('\n');
  for (let k = 0; k < lines.length; k++) lines[k] = (lines[k] as string).trimEnd();
  if (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

function skipBlank(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i] === '') i++;
  return i;
}

function isHeader(lines: string[], i: number): boolean {
  return authorHeader.test(lines[i] ?? '') && dateHeader.test(lines[i + 1] ?? '');
}

/** A dash line followed (after blank lines) by a message header or by the end of the file. */
function isSeparator(lines: string[], i: number): boolean {
  const line = lines[i] as string;
  // Every line of a message body is asked; the first character rules out almost all of them.
  if (line.charCodeAt(0) !== dash || !separator.test(line)) return false;
  const next = skipBlank(lines, i + 1);
  return next >= lines.length || isHeader(lines, next);
}

/**
 * The COMMENTS line that ends the description: one followed by a header, a ruler or nothing. Failing that, the
 * first COMMENTS line: what follows a garbled first header is then read as messages (with a warning) instead
 * of vanishing into the description.
 */
function findCommentsMarker(lines: string[], from: number): number {
  let first = -1;
  for (let i = from; i < lines.length; i++) {
    if (!commentsMarker.test(lines[i] as string)) continue;
    if (first < 0) first = i;
    let next = i + 1;
    while (next < lines.length && (lines[next] === '' || ruler.test(lines[next] as string))) next++;
    if (next >= lines.length || isHeader(lines, next)) return i;
    // A commit message may itself contain a line that says COMMENTS; a preceding ruler settles it.
    if (i > 0 && ruler.test(lines[i - 1] as string)) return i;
  }
  return first;
}

function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(shown);
}
