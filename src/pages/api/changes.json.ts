import { siteData } from 'virtual:review-reports/site';
import type { APIRoute } from 'astro';
import { FAILURE_RULES_VERSION } from '../../lib/failure-rules.ts';
import { changeSummaryToJson, MODEL_JSON_VERSION } from '../../lib/model-to-json.ts';

/**
 * Every change, in brief; `/api/changes/<slug>.json` holds each change in the shape `review-reports parse`
 * prints. One document for all of a big export's details would pass V8's longest string (a 50k-change
 * export's is over 500 MB) and no reader wants to download it whole.
 */
export const GET: APIRoute = () => {
  const { model } = siteData.report();
  const body = {
    version: MODEL_JSON_VERSION,
    rulesVersion: FAILURE_RULES_VERSION,
    generatedAt: model.newestActivity,
    details: 'changes/{slug}.json',
    changes: model.changes.map(changeSummaryToJson),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
