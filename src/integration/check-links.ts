import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** An internal link of the built site that leads nowhere. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: 'no such page' | 'no such anchor';
}

const attribute = /\s(href|src)="([^"]*)"/g;
const idAttribute = /\sid="([^"]*)"/g;

/**
 * Checks every internal link and anchor of a built site: each `href`/`src` under `base` must name a file of
 * the site, and each `#fragment` an element id on the target page. External links are not followed.
 */
export function checkLinks(root: string, base = '/'): BrokenLink[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pages = listFiles(root).filter((file) => file.endsWith('.html'));
  const idsByPage = new Map<string, Set<string>>();
  const ids = (page: string): Set<string> => {
    let found = idsByPage.get(page);
    if (!found) {
      found = new Set();
      const html = readFileSync(join(root, page), 'utf8');
      for (const match of html.matchAll(idAttribute)) found.add(decodeEntities(match[1] as string));
      idsByPage.set(page, found);
    }
    return found;
  };

  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const html = readFileSync(join(root, page), 'utf8');
    for (const match of html.matchAll(attribute)) {
      const href = decodeEntities(match[2] as string);
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const [pathPart = '', fragment] = href.split('#', 2);
      const path = pathPart.split('?')[0] as string;
      let target: string;
      if (path === '') {
        target = page;
      } else if (path.startsWith('/')) {
        if (!path.startsWith(prefix) && `${path}/` !== prefix) {
          broken.push({ page, href, reason: 'no such page' });
          continue;
        }
        target = path.slice(prefix.length);
      } else {
        target = posix.join(posix.dirname(page), path);
      }
      const file = resolveFile(root, decodeURIComponentSafe(target));
      if (file === null) {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      if (fragment && file.endsWith('.html') && !ids(file).has(decodeURIComponentSafe(fragment))) {
        broken.push({ page, href, reason: 'no such anchor' });
      }
    }
  }
  return broken;
}

function resolveFile(root: string, target: string): string | null {
  const clean = target.replace(/^\/+/, '');
  for (const candidate of [clean, posix.join(clean, 'index.html')]) {
    try {
      if (statSync(join(root, candidate)).isFile()) return candidate === '' ? 'index.html' : candidate;
    } catch {
      // Try the next form.
    }
  }
  return null;
}

function listFiles(root: string, relative = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(root, path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
