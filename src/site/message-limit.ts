import type { Change } from '../lib/types.ts';

/** Characters of one message shown on a change page; longer ones link to the change's full text. */
export const MESSAGE_LIMIT = 20_000;

/** A change gets a full-text file when some message is cut on its page. */
export function hasCutMessages(change: Change): boolean {
  return change.messages.some((message) => message.text.length > MESSAGE_LIMIT);
}
