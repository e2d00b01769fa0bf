import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** An internal link of the built site that leads nowhere. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: 'no such page' | 'no such anchor';
}

/**
 * Pages are read as Latin-1, a byte a character: no UTF-8 decoding of the whole site (every page holds some
 * non-ASCII text; the check takes a fifth less CPU on a generated 1k site), only of the values found. So `space` is every character `\s` matches
 * (what the check matched in decoded text), spelled as its UTF-8 bytes: the ASCII ones, U+00A0, U+1680,
 * U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF. None of their lead bytes continues another
 * character, so these bytes match where the decoded text has the character, and only there.
 */
const space = String.raw`(?:[\t-\r ]|\xc2\xa0|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80|\xef\xbb\xbf)`;
// Behind, not before: the scan then looks for the attribute's name (faster over pages of text).
const attribute = new RegExp(`(?<=${space})(href|src)="([^"]*)"`, 'g');
const idAttribute = new RegExp(`(?<=${space})id="([^"]*)"`, 'g');

/** What the link check takes from a page: its element ids, and its links to files (not only to an anchor). */
export interface PageLinks {
  /** NUL-separated: a browser reads a NUL in an id or a URL as U+FFFD, so none can hold one. */
  ids: string;
  links: string;
}

/**
 * What earlier checks took from pages, for a check that reads only the pages whose bytes changed. A page's
 * links to an anchor of its own depend on its bytes alone and were checked when it was read; its links to
 * files are checked again each time, against the site as it is now.
 */
export interface PageLinkMemo {
  /** A name for the page's bytes as they are on disk now; `undefined` has it read. */
  identity(page: string): string | undefined;
  /** What earlier checks took from pages, by identity. */
  known: ReadonlyMap<string, PageLinks>;
  /** Filled with what this check took from each page, by identity, for the next one. */
  next: Map<string, PageLinks>;
}

/**
 * Checks every internal link and anchor of a built site: each `href`/`src` under `base` must name a file of
 * the site, and each `#fragment` an element id on the target page. External links are not followed. `files`,
 * the site's regular files (paths relative to `root`), spares a walk of the site when the caller has them.
 * Broken links come in the order of `files`, then of the page.
 */
export function checkLinks(
  root: string,
  base = '/',
  files: readonly string[] = listFiles(root),
  memo?: PageLinkMemo,
): BrokenLink[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  // Every file of the site is known from the listing: a link is looked up, not `stat`ed (70 calls a page).
  const present = new Set(files);
  const pages = files.filter((file) => file.endsWith('.html'));
  // Pages link the same few targets (the navigation, the signature pages): each is resolved once.
  const resolved = new Map<string, string | null>();
  const resolve = (target: string) => {
    let file = resolved.get(target);
    if (file === undefined) {
      file = resolveFile(present, decodeURIComponentSafe(target));
      resolved.set(target, file);
    }
    return file;
  };
  // Each page is read once. A link is resolved as it is read; only an anchor on another page waits until every
  // page has been read, with the ids of each page kept as one string: a 50k-change site's links and id sets,
  // all held at once, took 1.5 GB (each id a slice of its page's text, which it kept alive).
  const idsByPage = new Map<string, string>();
  const elsewhere: Array<{ order: number; page: string; href: string; file: string; fragment: string }> = [];
  const broken: Array<BrokenLink & { order: number }> = [];
  let order = 0;
  /** Checks a link to a file; `ids` are the page's own, for a link that leads back to it. */
  const checkFileLink = (
    page: string,
    href: string,
    path: string,
    fragment: string | undefined,
    ids: () => Set<string>,
  ) => {
    let target: string;
    if (path.startsWith('/')) {
      if (!path.startsWith(prefix) && `${path}/` !== prefix) {
        broken.push({ order, page, href, reason: 'no such page' });
        return;
      }
      target = path.slice(prefix.length);
    } else {
      target = posix.join(posix.dirname(page), path);
    }
    const file = resolve(target);
    if (file === null) {
      broken.push({ order, page, href, reason: 'no such page' });
    } else if (fragment && file.endsWith('.html')) {
      const id = decodeURIComponentSafe(fragment);
      if (file !== page) elsewhere.push({ order, page, href, file, fragment: id });
      else if (!ids().has(id)) broken.push({ order, page, href, reason: 'no such anchor' });
    }
  };
  for (const page of pages) {
    const identity = memo?.identity(page);
    const kept = identity === undefined ? undefined : memo?.known.get(identity);
    if (kept) {
      idsByPage.set(page, kept.ids);
      let ids: Set<string> | undefined;
      const ownIds = () => {
        ids ??= new Set(kept.ids.split('\u0000'));
        return ids;
      };
      for (const href of kept.links ? kept.links.split('\u0000') : []) {
        order++;
        const [pathPart = '', fragment] = href.split('#', 2);
        checkFileLink(page, href, pathPart.split('?')[0] as string, fragment, ownIds);
      }
      if (identity !== undefined) memo?.next.set(identity, kept);
      continue;
    }
    const scan = scanPage(root, page);
    idsByPage.set(page, scan.idList);
    for (const { href, path, fragment } of scan.links) {
      order++;
      if (path === '') {
        if (lacksOwnAnchor(scan, fragment)) broken.push({ order, page, href, reason: 'no such anchor' });
        continue;
      }
      checkFileLink(page, href, path, fragment, () => scan.ids);
    }
    const links = memoEntry(scan);
    if (identity !== undefined && links) memo?.next.set(identity, links);
  }
  // The anchors on other pages, a target page's ids made a set once for all the links to it.
  elsewhere.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  let ids = new Set<string>();
  let idsOf: string | undefined;
  for (const link of elsewhere) {
    if (link.file !== idsOf) {
      idsOf = link.file;
      ids = new Set(idsByPage.get(link.file)?.split('\u0000'));
    }
    if (!ids.has(link.fragment))
      broken.push({ order: link.order, page: link.page, href: link.href, reason: 'no such anchor' });
  }
  return broken.sort((a, b) => a.order - b.order).map(({ order: _order, ...link }) => link);
}

/**
 * What the check takes from a page, read ahead of it (while something else keeps the machine busy): `null` for a
 * page the check must read itself, one with a link to an anchor of its own that it lacks (the check names it).
 */
export function readPageLinks(root: string, page: string): PageLinks | null {
  const scan = scanPage(root, page);
  if (scan.links.some(({ path, fragment }) => path === '' && lacksOwnAnchor(scan, fragment))) return null;
  return memoEntry(scan);
}

/** A link to an anchor of the page's own (`#x`) that the page does not hold. */
function lacksOwnAnchor(scan: PageScan, fragment: string | undefined): boolean {
  return fragment !== undefined && fragment !== '' && !scan.ids.has(decodeURIComponentSafe(fragment));
}

/** A page's element ids, and its links other than to other sites, in the order of the page. */
interface PageScan {
  ids: Set<string>;
  /** `ids`, NUL-separated. */
  idList: string;
  links: Array<{ href: string; path: string; fragment: string | undefined }>;
}

function scanPage(root: string, page: string): PageScan {
  const html = readFileSync(join(root, page), 'latin1');
  const ids = new Set<string>();
  for (const match of html.matchAll(idAttribute)) ids.add(decodeEntities(fromBytes(match[1] as string)));
  const links: PageScan['links'] = [];
  for (const match of html.matchAll(attribute)) {
    const href = decodeEntities(fromBytes(match[2] as string));
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
    const [pathPart = '', fragment] = href.split('#', 2);
    links.push({ href, path: pathPart.split('?')[0] as string, fragment });
  }
  return { ids, idList: [...ids].join('\u0000'), links };
}

/**
 * What the memo keeps of a page: its ids and its links to files. `null` when a link holds a NUL, which would split
 * it in two when read back: such a page is read again next time.
 */
function memoEntry(scan: PageScan): PageLinks | null {
  const fileLinks = scan.links.filter((link) => link.path !== '').map((link) => link.href);
  if (fileLinks.some((href) => href.includes('\u0000'))) return null;
  return { ids: scan.idList, links: fileLinks.join('\u0000') };
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

/** A value read as Latin-1, decoded as the UTF-8 it is (a `"` ends any character, so it decodes as in the page). */
function fromBytes(text: string): string {
  return /[\x80-\xff]/.test(text) ? Buffer.from(text, 'latin1').toString('utf8') : text;
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
