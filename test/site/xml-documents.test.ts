import { describe, expect, it } from 'vitest';
import { splitIntoSitemaps } from '../../src/data/sitemap-chunks.ts';
import { atomFeed } from '../../src/render/atom-feed.ts';
import { sitemapIndexXml, sitemapXml } from '../../src/render/sitemap-xml.ts';

const hostile = `</title><script>alert("x")</script>&\u0000`;

describe('atomFeed', () => {
  const xml = atomFeed({
    id: 'tag:review-reports,2026:feed/newest-failures',
    title: `Reports ${hostile}`,
    selfHref: '/feed.xml',
    alternateHref: '/',
    updated: '2018-05-29T05:20:39.000Z',
    author: 'Review reports',
    entries: [
      {
        id: 'tag:review-reports,2026:failure/I1/job/7/slug',
        title: hostile,
        href: '/changes/I1/?a=1&b="2"#run-job-7',
        updated: '2018-05-29T05:20:39.000Z',
        summary: hostile,
      },
    ],
  });

  it('writes a complete Atom document', () => {
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '  <id>tag:review-reports,2026:feed/newest-failures</id>',
        '  <title>Reports &lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;\uFFFD</title>',
        '  <updated>2018-05-29T05:20:39.000Z</updated>',
        '  <author><name>Review reports</name></author>',
        '  <link rel="self" type="application/atom+xml" href="/feed.xml"/>',
        '  <link rel="alternate" type="text/html" href="/"/>',
        '  <generator>review-reports</generator>',
        '  <entry>',
        '    <id>tag:review-reports,2026:failure/I1/job/7/slug</id>',
        '    <title>&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;\uFFFD</title>',
        '    <link rel="alternate" type="text/html" href="/changes/I1/?a=1&amp;b=&quot;2&quot;#run-job-7"/>',
        '    <updated>2018-05-29T05:20:39.000Z</updated>',
        '    <summary>&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;\uFFFD</summary>',
        '  </entry>',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  it('lets no markup from the input through', () => {
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('\u0000');
  });
});

describe('sitemapXml', () => {
  it('lists each URL, with its last change when known', () => {
    expect(
      sitemapXml([
        { loc: 'https://example.org/sub/', lastmod: '2018-05-29T05:20:39.000Z' },
        { loc: 'https://example.org/sub/changes/I1%26/?x=<y>' },
      ]),
    ).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://example.org/sub/</loc><lastmod>2018-05-29T05:20:39.000Z</lastmod></url>',
        '  <url><loc>https://example.org/sub/changes/I1%26/?x=&lt;y&gt;</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('is a valid empty urlset with no URLs', () => {
    expect(sitemapXml([])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n',
    );
  });

  it('has an index form naming sitemap files', () => {
    expect(sitemapIndexXml(['https://example.org/sitemap-1.xml', 'https://example.org/sitemap-2.xml'])).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <sitemap><loc>https://example.org/sitemap-1.xml</loc></sitemap>',
        '  <sitemap><loc>https://example.org/sitemap-2.xml</loc></sitemap>',
        '</sitemapindex>',
        '',
      ].join('\n'),
    );
  });
});

describe('splitIntoSitemaps', () => {
  const urls = ['a', 'b', 'c', 'd', 'e'].map((loc) => ({ loc }));

  it('splits URLs into files of at most the limit, in order', () => {
    expect(splitIntoSitemaps(urls, 2).map((chunk) => chunk.map((url) => url.loc))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
  });

  it('keeps a site within the limit in one file, and an empty site in one empty file', () => {
    expect(splitIntoSitemaps(urls)).toHaveLength(1);
    expect(splitIntoSitemaps([])).toEqual([[]]);
  });
});
