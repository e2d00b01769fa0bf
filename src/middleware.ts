import { defineMiddleware } from 'astro:middleware';
import { indexRenderedPage, isSearchable } from './integration/pagefind.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Hands every searchable page to the search index as soon as it is rendered (see `integration/pagefind.ts`). */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  if (isSearchable(html)) {
    const path = decodeURI(context.url.pathname).slice(base.length).replace(/\/?$/, '/');
    indexRenderedPage(`${path}index.html`, html);
  }
  return new Response(html, { status: response.status, headers: response.headers });
});
