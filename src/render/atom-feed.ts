import { escapeXml } from '../site/escape-xml.ts';

export interface AtomEntry {
  /** A stable, unique IRI: feed readers use it to tell new entries from ones already seen. */
  id: string;
  title: string;
  href: string;
  /** ISO 8601. */
  updated: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** Where the feed itself is. */
  selfHref: string;
  /** The page the feed is about. */
  alternateHref: string;
  /** ISO 8601: when anything in the feed last changed. */
  updated: string;
  author: string;
  entries: readonly AtomEntry[];
}

/** An Atom 1.0 document (RFC 4287). Every value is escaped: titles and summaries come from the export. */
export function atomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfHref)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateHref)}"/>`,
    '  <generator>review-reports</generator>',
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.href)}"/>`,
      `    <updated>${escapeXml(entry.updated)}</updated>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
