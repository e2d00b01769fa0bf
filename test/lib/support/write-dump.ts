/**
 * Writers for the two export layouts, used to build dumps in tests. `writeCrop` follows the CROP Python writer
 * byte for byte; `writeSeed` follows the layout of the three real dumps in `test/fixtures/seeds/`.
 */

export interface WrittenInlineComment {
  path: string;
  /** Absent for a `File Comment:`. */
  line?: number;
  text: string;
}

export interface WrittenMessage {
  /** `''` for a message by no author (the CROP writer then writes `Gerrit Code Review`). */
  author: string;
  /** Gerrit's date form: `2018-05-25 19:57:19.000000000`. */
  date: string;
  text: string;
  inlineComments?: WrittenInlineComment[];
}

export interface WrittenDump {
  description: string;
  messages: WrittenMessage[];
  /** CROP only: inline comments that matched no message, each written as a `MISMATCHED INLINE COMMENT` block. */
  mismatched?: Array<{ author: string; date: string; comment: WrittenInlineComment }>;
}

export const cropSeparator = '-'.repeat(37);
export const seedRuler = '='.repeat(118);
export const seedSeparator = '-'.repeat(118);

function inlineLine(comment: WrittenInlineComment): string {
  return comment.line === undefined
    ? `File Comment: ${comment.path} -> ${comment.text}`
    : `Line:${comment.line}, ${comment.path} -> ${comment.text}`;
}

const lineCount = (text: string) => text.split('\n').length - 1;

/** The CROP writer's layout. `headers`, when given, receives the 1-based line of each message's author line. */
export function writeCrop(dump: WrittenDump, headers: number[] = []): string {
  let out = `DESCRIPTION\n\n${dump.description}\n\nCOMMENTS\n\n`;
  for (const message of dump.messages) {
    headers.push(lineCount(out) + 1);
    out += `author: ${message.author || 'Gerrit Code Review'}\ndate: ${message.date}\n\n${message.text}\n\n`;
    for (const comment of message.inlineComments ?? []) out += `${inlineLine(comment)}\n\n`;
    out += `${cropSeparator}\n`;
  }
  for (const { author, date, comment } of dump.mismatched ?? []) {
    headers.push(lineCount(out) + 1);
    out += `author: ${author}\ndate: ${date}\n\nMISMATCHED INLINE COMMENT\n${inlineLine(comment)}\n\n${cropSeparator}\n`;
  }
  return out;
}

/** The seed layout (it has no inline comments). `headers` receives the line of each `Author:` line. */
export function writeSeed(dump: WrittenDump, headers: number[] = []): string {
  let out = `${seedRuler}\nDESCRIPTION:\n\n${dump.description}\n\n${seedRuler}\nCOMMENTS\n${seedRuler}\n`;
  for (const message of dump.messages) {
    headers.push(lineCount(out) + 1);
    out += `Author: ${message.author}\nDate: ${message.date}\nMessage: \n${message.text}\n${seedSeparator}\n`;
  }
  return out;
}
