import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eSite } from './support/site.ts';

const site = e2eSite();

/** Every HTML page of the built site, by its path under the output directory. */
function htmlPages(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    pages.set(relative(dir, file), readFileSync(file, 'utf8'));
  }
  return pages;
}

describe.skipIf(site.url === null)('the built fixture site', () => {
  const pages = site.url === null ? new Map<string, string>() : htmlPages(site.outDir);

  it('has the search page and a page per change', () => {
    expect(pages.has('search/index.html')).toBe(true);
    expect(pages.has('changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/index.html')).toBe(true);
    expect(pages.has('changes/I99999999aaaabbbbccccddddeeeeffff00001111/index.html')).toBe(true);
  });

  it('keeps the spaces between the sentences and the link of the failure index’s introduction', () => {
    const html = pages.get('failures/index.html') ?? '';
    const intro = /<h1>Failure index<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    const text = intro.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toMatch(/ failed with no identified cause\. Impact is the rebuilds /);
    expect(text).toMatch(/; what is new since the previous build has its own page\.$/);
  });

  it('runs no script on any page but search, and forbids scripts there', () => {
    const withScripts = [...pages].filter(([, html]) => /<script\b/i.test(html)).map(([path]) => path);
    expect(withScripts).toEqual(['search/index.html']);
    for (const [path, html] of pages) {
      if (path === 'search/index.html') continue;
      expect(html, path).toContain(`script-src 'none'`);
    }
  });

  it('loads the search script from a file under the base path, never inline', () => {
    const html = pages.get('search/index.html') ?? '';
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toMatch(/^ type="module" src="\/reports\/_astro\/[\w.-]+\.js"$/);
    expect(scripts[0]?.[2]).toBe('');
  });
});
