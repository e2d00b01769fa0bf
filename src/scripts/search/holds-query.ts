import { stem } from 'porter2';
import { droppedByIndexer } from './pagefind-term.ts';

/**
 * Whether a result's text holds every word of a query, as the start of a word or anywhere inside one.
 *
 * Why: Pagefind answers a query word that begins no word of its index with the longest indexed word the query
 * word begins with (`persisttotestxyz` → `persisttotest`, `cookieh9999` → `cookieh`), and drops a query word
 * that has neither. Its results then do not hold what was asked for, and nothing in them says so. When a word
 * did match, every result holds a word beginning with that word's stem; so the first result's text tells
 * whether the whole answer is a real one. The test is lenient on purpose (a stem inside a longer word counts):
 * it must never call a real answer a partial one.
 *
 * `words` are the query's words as sent to Pagefind (`pagefindTerm`); `texts` are the result's content and meta
 * values (Pagefind searches both).
 */
export function holdsQuery(words: readonly string[], texts: readonly string[]): boolean {
  const haystack = indexedText(texts);
  return words.every((word) => {
    const folded = fold(word);
    return folded === '' || haystack.includes(folded) || haystack.includes(stem(folded));
  });
}

/** The text as the indexer holds its words: folded, punctuation dropped per word, each word also stemmed. */
function indexedText(texts: readonly string[]): string {
  const words = texts.flatMap((text) => fold(text).split(/\s+/)).map((word) => word.replace(droppedByIndexer, ''));
  const kept = words.filter(Boolean);
  return `${kept.join(' ')} ${kept.map(stem).join(' ')}`;
}

/** Lower case without diacritics, as Pagefind compares words. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
