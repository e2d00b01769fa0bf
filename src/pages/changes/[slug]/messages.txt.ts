import { siteData } from 'virtual:review-reports/site';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Change } from '../../../lib/types.ts';
import { hasCutMessages } from '../../../site/message-limit.ts';

/** The full text of every message of a change whose page shows a message cut short. */
export const getStaticPaths: GetStaticPaths = () =>
  siteData
    .report()
    .model.changes.filter(hasCutMessages)
    .map((change) => ({ params: { slug: change.slug } }));

export const GET: APIRoute = ({ params }) => {
  const change = siteData.report().changeBySlug.get(params.slug as string) as Change;
  const parts = [`${change.subject}\nChange-Id: ${change.id}\n`];
  for (const message of change.messages) {
    parts.push(
      `${'-'.repeat(72)}\nAuthor: ${message.author}\nDate: ${message.date ?? 'unknown'}\nPatch set: ${message.patchSet}\n\n${message.text}\n`,
    );
    for (const comment of message.inlineComments) {
      parts.push(`\n${comment.path}${comment.line === undefined ? '' : `:${comment.line}`}: ${comment.text}\n`);
    }
  }
  return new Response(parts.join(''), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
