import { siteData } from 'virtual:review-reports/site';
import type { APIRoute, GetStaticPaths } from 'astro';
import { changePageKey } from '../../../data/page-key.ts';
import { FAILURE_RULES_VERSION } from '../../../lib/failure-rules.ts';
import { changeToJson, MODEL_JSON_VERSION } from '../../../lib/model-to-json.ts';
import type { Change } from '../../../lib/types.ts';

/** One change in the shape `review-reports parse` prints: builds with jobs and failures, runs, votes. */
export const getStaticPaths: GetStaticPaths = () => {
  const report = siteData.report();
  return report.model.changes.map((change) => ({
    params: { slug: change.slug },
    cacheKey: changePageKey(report, change),
  }));
};

export const GET: APIRoute = ({ params }) => {
  const change = siteData.report().changeBySlug.get(params.slug as string) as Change;
  const body = { version: MODEL_JSON_VERSION, rulesVersion: FAILURE_RULES_VERSION, change: changeToJson(change) };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
