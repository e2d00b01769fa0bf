import { boundedMemo } from './bounded-memo.ts';

/**
 * A string equal to `text` that keeps nothing else alive. V8 cuts a substring (a regex group, a line of a split)
 * as a view into its parent: a 14-character author name read from a dump would keep the whole file's text in the
 * heap for as long as the model holds the name. The copy is shared by every equal input seen recently, so the
 * authors and one-line messages that recur across dumps are held once.
 */
export const ownString: (text: string) => string = boundedMemo(copyString);

/**
 * {@link ownString} without the memo, for values that seldom repeat (the date of each message): a look-up that
 * misses and a memo that fills and is dropped every 20,000 values cost more than the copy.
 */
export function copyString(text: string): string {
  // JSON round-trips every string exactly (lone surrogates too) and `JSON.parse` builds a new flat string.
  return JSON.parse(JSON.stringify(text)) as string;
}
