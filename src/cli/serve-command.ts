import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';
import type { CommandIo } from './parse-command.ts';

export interface ServeOptions {
  port: number;
  /** The sub-path the site was built for (`--base`), so its links resolve. */
  base: string;
}

/**
 * `review-reports serve [dist]`: serves a built site on localhost only, with no network access needed.
 * Search works here and not from `file://`, where Chromium refuses Pagefind's module import.
 * Resolves once listening; the returned `close` stops the server.
 */
export async function serveCommand(
  dir: string,
  options: ServeOptions,
  io: CommandIo,
): Promise<{ code: number; url?: string; close?: () => Promise<void> }> {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    io.stderr(`review-reports: no built site at ${root}; run review-reports build first\n`);
    return { code: 2 };
  }
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = url === '/' ? 302 : 404;
      if (url === '/') response.setHeader('Location', base);
      response.end(url === '/' ? '' : 'Not found');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    files(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Not found');
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}${base}`;
  io.stderr(`serving ${root} at ${url} (Ctrl-C to stop)\n`);
  return {
    code: 0,
    url,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
