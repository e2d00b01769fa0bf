import { trimBlankLines } from './trim-blank-lines.ts';

/**
 * A text from a JSON export in the form the text reader leaves it: `\n` line ends, no trailing whitespace on a
 * line, no leading or trailing blank lines. A message held by a text dump and a JSON export then has one
 * identity, and what the classifier sees does not depend on the export's form.
 */
export function reviewText(text: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  for (let k = 0; k < lines.length; k++) lines[k] = (lines[k] as string).trimEnd();
  return trimBlankLines(lines).join('\n');
}
