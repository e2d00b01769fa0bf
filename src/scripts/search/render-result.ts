import type { ResultData } from './pagefind-types.ts';
import { rankSubResults } from './rank-sub-results.ts';
import { readChangeRows } from './read-change-rows.ts';
import { sameOriginHref } from './same-origin-href.ts';
import { splitExcerpt } from './split-excerpt.ts';

/** What a result is drawn with besides its data. */
export interface ResultContext {
  page: { href: string; origin: string };
  /** Readable names of the `type` filter's values (`change` → `Changes`). */
  typeLabels: Record<string, string>;
  /** The page holds only part of the query's words (Pagefind matched a shorter word, or none, for the rest). */
  partial?: boolean;
}

/**
 * One search result as DOM: the page's title linking to it, what kind of page it is, and the best-matching
 * regions (a failure, a run, a message), each linking to its heading with its excerpt; the page's excerpt when
 * no heading matched. Every string from the index
 * is set with `textContent`; only Pagefind's `<mark>` highlighting becomes elements.
 */
export function renderResult(doc: Document, data: ResultData, context: ResultContext): HTMLLIElement {
  const item = element(doc, 'li', 'result');
  const title = data.meta.title?.trim() || data.url;

  const heading = element(doc, 'h3', 'result-title');
  heading.append(link(doc, data.url, title, context));
  item.append(heading);

  const type = data.filters.type?.[0];
  if (type) {
    const kind = element(doc, 'p', 'result-type');
    const count = Number(data.meta['change count']);
    kind.textContent =
      type === 'failure' && data.meta.kind
        ? `${data.meta.kind} signature${Number.isInteger(count) && count > 0 ? ` · ${plural(count, 'change')}` : ''}`
        : singular(context.typeLabels[type] ?? type);
    item.append(kind);
  }
  if (context.partial) {
    const note = element(doc, 'p', 'result-partial');
    note.textContent = 'Holds only part of the query';
    item.append(note);
  }

  // A signature page answers with what it matched and the changes where it occurred, newest first; its
  // headings (how the signature was formed) say nothing about the match.
  if (type === 'failure') {
    if (data.excerpt) item.append(excerpt(doc, 'p', data.excerpt));
    const rows = readChangeRows(data.meta.changes);
    if (rows.length > 0) {
      const list = element(doc, 'ul', 'sub-results');
      list.setAttribute('aria-label', `Newest changes with ${title}`);
      rows.forEach((row, index) => {
        const entry = element(doc, 'li', index === 0 ? 'sub-result best' : 'sub-result');
        entry.append(link(doc, row.href, row.subject, context));
        const where = element(doc, 'span', 'sub-result-where');
        where.textContent = ` · patch set ${row.patchSet} · ${row.job} ${row.run}${row.date ? ` · ${row.date.slice(0, 10)}` : ''}`;
        entry.append(where);
        list.append(entry);
      });
      item.append(list);
    }
    return item;
  }

  // A match under a heading shows that heading's excerpt; the page's own excerpt would repeat it.
  const subs = rankSubResults(data);
  if (subs.length === 0 && data.excerpt) item.append(excerpt(doc, 'p', data.excerpt));
  if (subs.length > 0) {
    const list = element(doc, 'ul', 'sub-results');
    list.setAttribute('aria-label', `Matches in ${title}`);
    subs.forEach((sub, index) => {
      const entry = element(doc, 'li', index === 0 ? 'sub-result best' : 'sub-result');
      if (index === 0) {
        const label = element(doc, 'span', 'sub-result-label');
        label.textContent = 'Best match: ';
        entry.append(label);
      }
      entry.append(link(doc, sub.url, sub.title.trim() || title, context));
      if (sub.excerpt) entry.append(excerpt(doc, 'span', sub.excerpt));
      list.append(entry);
    });
    item.append(list);
  }
  return item;
}

function link(doc: Document, url: string, text: string, context: ResultContext): HTMLElement {
  const href = sameOriginHref(url, context.page);
  if (href === null) {
    const span = element(doc, 'span');
    span.textContent = text;
    return span;
  }
  const anchor = element(doc, 'a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

function excerpt(doc: Document, tag: 'p' | 'span', text: string): HTMLElement {
  const container = element(doc, tag, 'excerpt');
  for (const part of splitExcerpt(text)) {
    if (part.mark) {
      const mark = element(doc, 'mark');
      mark.textContent = part.text;
      container.append(mark);
    } else {
      container.append(doc.createTextNode(part.text));
    }
  }
  return container;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  return node;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** `Changes` → `Change`, `Failure signatures` → `Failure signature`. */
function singular(label: string): string {
  return label.endsWith('s') ? label.slice(0, -1) : label;
}
