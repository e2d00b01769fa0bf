import { stem } from 'porter2';
import { droppedByIndexer } from './pagefind-term.ts';
import { splitExcerpt } from './split-excerpt.ts';

/**
 * How a result's text holds the words of a query:
 * - `words`: each query word (or its stem) begins a word of the text, or a part of one (split at punctuation
 *   and where lower case turns upper): as Pagefind matches a word;
 * - `text`: each is somewhere in the text, inside a longer word too;
 * - `none`: a query word is nowhere.
 *
 * Why: Pagefind answers a query word that begins no word of its index with the longest indexed word the query
 * word begins with (`persisttotestxyz` → `persisttotest`, `cookieh9999` → `cookieh`), and drops a query word
 * that has neither. Its results then do not hold what was asked for, and nothing in them says so. When a word
 * did match, every result holds a word beginning with that word's stem; so the first result's text tells
 * whether the whole answer is a real one. `text` is lenient on purpose (it must never call a real answer a
 * partial one); `words` tells apart an index that matched a word from one whose first result holds it only
 * glued inside another (a signature page's list of changes is one JSON word to Pagefind).
 *
 * `words` are the query's words as sent to Pagefind (`pagefindTerm`); `texts` are the result's content and meta
 * values (Pagefind searches both).
 */
export type Holding = 'words' | 'text' | 'none';

export function howTextHoldsQuery(words: readonly string[], texts: readonly string[]): Holding {
  const queried = words.map(fold).filter(Boolean);
  if (queried.length === 0) return 'words';
  const indexed = indexedWords(texts);
  const haystack = [...indexed].join(' ');
  const forms = (word: string) => [word, stem(word)];
  if (queried.every((word) => forms(word).some((form) => haystack.includes(form)))) {
    const begins = (form: string) => haystack.startsWith(form) || haystack.includes(` ${form}`);
    return queried.every((word) => forms(word).some(begins)) ? 'words' : 'text';
  }
  return 'none';
}

/** Whether a result's text holds every word of a query, as the start of a word or anywhere inside one. */
export function holdsQuery(words: readonly string[], texts: readonly string[]): boolean {
  return howTextHoldsQuery(words, texts) !== 'none';
}

/**
 * How many letters of the query's words a result's highlighted words begin with, for each query word its best:
 * how close an index that answered only part of a query came. Pagefind highlights the words it matched, here the
 * shorter word it answered with (`ep_testsuite.value_eviction` for `ep_testsuite.value_evictionXYZ` in one
 * index, `ep-engine` in another).
 */
export function matchedLetters(words: readonly string[], excerpts: readonly string[]): number {
  const marked = excerpts.flatMap((excerpt) =>
    splitExcerpt(excerpt)
      .filter((part) => part.mark)
      .flatMap((part) => part.text.split(/\s+/))
      .map((text) => fold(text).replace(droppedByIndexer, '')),
  );
  let letters = 0;
  for (const word of words.map((each) => fold(each).replace(droppedByIndexer, ''))) {
    let best = 0;
    for (const text of marked) {
      let common = 0;
      while (common < word.length && common < text.length && word[common] === text[common]) common++;
      best = Math.max(best, common);
    }
    letters += best;
  }
  return letters;
}

/** The words of the text as the indexer holds them (folded, punctuation dropped), their parts, and their stems. */
function indexedWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const token of texts.flatMap((text) => text.split(/\s+/))) {
    const whole = fold(token).replace(droppedByIndexer, '');
    if (!whole) continue;
    words.add(whole);
    for (const part of token.split(/[^\p{L}\p{N}_]+/u)) {
      for (const piece of [part, ...part.split(/_+|(?<=\p{Ll})(?=\p{Lu})/u)]) {
        const folded = fold(piece);
        if (folded) words.add(folded);
      }
    }
  }
  for (const word of [...words]) words.add(stem(word));
  return words;
}

/** Lower case without diacritics, as Pagefind compares words. */
function fold(text: string): string {
  // Most words are ASCII: normalising each is most of the cost of reading a long page.
  if (/^[ -~\s]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
