import { hashText } from './hash-text.ts';
import type { RawMessage } from './types.ts';

/**
 * Two copies of one message agree on author, date to the second (`gerrit query` has whole seconds, REST and
 * text dumps fractions), text and inline comments (whitespace at line ends does not count: the reader drops
 * it). The key is a digest, so a big export does not keep a second copy of every text only to find repeats.
 */
export function messageKey(message: RawMessage): string {
  const inline = message.inlineComments.map((comment) => `${comment.path}:${comment.line ?? ''}:${comment.text}`);
  const date = message.date === null ? message.rawDate : `${message.date.slice(0, 19)}.000Z`;
  return hashText([message.author, date, hashText(message.text, 40), ...inline].join('\u0000'), 40);
}
