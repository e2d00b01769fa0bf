import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How many files of each kind a synthetic site has: the 10k-change site's shape by default. */
export interface SiteShape {
  changes: number;
  fragments: number;
  signatures: number;
}

export const tenThousandShape: SiteShape = { changes: 10_100, fragments: 11_000, signatures: 1_100 };

/**
 * Writes, once, a site of `shape` at `dir` that passes the link check: change pages of ~30 kB with ~70 internal
 * links and anchors (like the real ones), their ~12 kB JSON files, Pagefind's ~2 kB fragments and a signature
 * page per failure. The bytes are filler; only the number, size and layout of the files matter to the publish path.
 */
export function syntheticSite(dir: string, shape: SiteShape = tenThousandShape): string {
  // The mark sits beside the site, not in it: the site is copied whole.
  const done = `${dir}.complete`;
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const id = (n: number) => `I${n.toString(16).padStart(40, '0')}`;
  const slug = (n: number) => `sig-${n.toString(36).padStart(6, '0')}`;
  const filler = (bytes: number, seed: number) => {
    const words = ['build', 'failed', 'test', 'passed', 'patch', 'set', 'verified', 'review', 'gate', 'job'];
    let text = '';
    for (let i = 0; text.length < bytes; i++) text += `${words[(seed + i * 7) % words.length]} `;
    return text.slice(0, bytes);
  };
  const page = (title: string, links: string[], ids: string[], bytes: number, seed: number) => {
    const anchors = ids.map((anchor) => `<h2 id="${anchor}">${anchor}</h2><p>${filler(200, seed)}</p>`).join('\n');
    const hrefs = links.map((href) => `<a href="${href}">${href}</a>`).join('\n');
    const head = `<!doctype html><html><head><title>${title}</title><link rel="stylesheet" href="/highlight.css"></head><body><main>\n${hrefs}\n${anchors}\n<pre>`;
    return `${head}${filler(Math.max(0, bytes - head.length - 30), seed)}</pre></main></body></html>\n`;
  };
  const nav = ['/', '/changes/', '/failures/', '/search/', '/new/'];

  mkdirSync(join(dir, 'changes'), { recursive: true });
  mkdirSync(join(dir, 'api', 'changes'), { recursive: true });
  mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
  mkdirSync(join(dir, 'failures'), { recursive: true });
  for (let n = 0; n < shape.changes; n++) {
    mkdirSync(join(dir, 'changes', id(n)));
    const ids = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const links = [
      ...nav,
      `/api/changes/${id(n)}.json`,
      ...ids.map((anchor) => `#${anchor}`),
      ...Array.from({ length: 50 }, (_, i) => `/failures/${slug((n * 31 + i) % shape.signatures)}/`),
    ];
    writeFileSync(join(dir, 'changes', id(n), 'index.html'), page(id(n), links, ids, 30_000, n));
    writeFileSync(join(dir, 'api', 'changes', `${id(n)}.json`), JSON.stringify({ id: id(n), text: filler(12_000, n) }));
  }
  for (let n = 0; n < shape.fragments; n++) {
    writeFileSync(
      join(dir, 'pagefind', 'fragment', `en_${n.toString(16).padStart(7, '0')}.pf_fragment`),
      filler(2_000, n),
    );
  }
  for (let n = 0; n < 40; n++) writeFileSync(join(dir, 'pagefind', `index_${n}.pf_index`), filler(40_000, n));
  writeFileSync(join(dir, 'pagefind', 'pagefind.js'), filler(30_000, 1));
  for (let n = 0; n < shape.signatures; n++) {
    mkdirSync(join(dir, 'failures', slug(n)));
    const links = [...nav, ...Array.from({ length: 20 }, (_, i) => `/changes/${id((n + i * 97) % shape.changes)}/#m1`)];
    writeFileSync(join(dir, 'failures', slug(n), 'index.html'), page(slug(n), links, [], 20_000, n));
  }
  for (const top of ['changes', 'failures', 'search', 'new']) {
    mkdirSync(join(dir, top), { recursive: true });
    writeFileSync(join(dir, top, 'index.html'), page(top, nav, [], 50_000, 3));
  }
  writeFileSync(join(dir, 'index.html'), page('dashboard', nav, [], 50_000, 2));
  writeFileSync(join(dir, 'highlight.css'), '.hl-a { color: red }\n');
  writeFileSync(done, '');
  return dir;
}
