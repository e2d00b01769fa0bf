import { readdirSync, readFileSync } from 'node:fs';
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
 * the site, and each `#fragment` an element id on the target page. External links are not followed. `files`,
 * the site's regular files (paths relative to `root`), spares a walk of the site when the caller has them.
 */
export function checkLinks(root: string, base = '/', files: readonly string[] = listFiles(root)): BrokenLink[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  // Every file of the site is known from the listing: a link is looked up, not `stat`ed (70 calls a page).
  const present = new Set(files);
  const pages = files.filter((file) => file.endsWith('.html'));
  // Each page is read once, for its ids and its links alike.
  const idsByPage = new Map<string, Set<string>>();
  const linksByPage = new Map<string, string[]>();
  for (const page of pages) {
    const html = readFileSync(join(root, page), 'utf8');
    const ids = new Set<string>();
    for (const match of html.matchAll(idAttribute)) ids.add(decodeEntities(match[1] as string));
    idsByPage.set(page, ids);
    linksByPage.set(
      page,
      Array.from(html.matchAll(attribute), (match) => match[2] as string),
    );
  }

  // Pages link the same few targets (the navigation, the signature pages): each file is resolved once, and each
  // link that means the same on every page (absolute or external, ~70 a page) is worked out once for the site.
  const resolved = new Map<string, string | null>();
  const resolve = (target: string) => {
    let file = resolved.get(target);
    if (file === undefined) {
      file = resolveFile(present, decodeURIComponentSafe(target));
      resolved.set(target, file);
    }
    return file;
  };
  const anywhere = new Map<string, Destination>();
  const destination = (raw: string, page: string): Destination => {
    const known = anywhere.get(raw);
    if (known) return known;
    const href = decodeEntities(raw);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
      const external: Destination = { href, external: true, file: null, fragment: undefined };
      anywhere.set(raw, external);
      return external;
    }
    const [pathPart = '', fragment] = href.split('#', 2);
    const path = pathPart.split('?')[0] as string;
    const found = (file: string | null): Destination => ({
      href,
      external: false,
      file,
      fragment: fragment ? decodeURIComponentSafe(fragment) : undefined,
    });
    if (path === '') return found(resolve(page));
    if (!path.startsWith('/')) return found(resolve(posix.join(posix.dirname(page), path)));
    const absolute = found(
      path.startsWith(prefix) || `${path}/` === prefix ? resolve(path.slice(prefix.length)) : null,
    );
    anywhere.set(raw, absolute);
    return absolute;
  };
  const broken: BrokenLink[] = [];
  for (const [page, links] of linksByPage) {
    for (const raw of links) {
      const { href, external, file, fragment } = destination(raw, page);
      if (external) continue;
      if (file === null) {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      if (fragment && file.endsWith('.html') && !idsByPage.get(file)?.has(fragment)) {
        broken.push({ page, href, reason: 'no such anchor' });
      }
    }
  }
  return broken;
}

/** Where a link of a page leads: `file` is the site's file it names, `null` for none. */
interface Destination {
  /** The link as written, entities decoded. */
  href: string;
  external: boolean;
  file: string | null;
  /** The `#fragment`, percent-decoded. */
  fragment: string | undefined;
}

function resolveFile(present: ReadonlySet<string>, target: string): string | null {
  const normal = posix.normalize(target.replace(/^\/+/, '') || '.').replace(/\/$/, '');
  const clean = normal === '.' ? '' : normal;
  for (const candidate of [clean, clean === '' ? 'index.html' : `${clean}/index.html`]) {
    if (present.has(candidate)) return candidate;
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
  if (!text.includes('&')) return text;
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function decodeURIComponentSafe(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
