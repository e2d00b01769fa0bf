import { siteData } from 'virtual:review-reports/site';
import type { APIRoute } from 'astro';
import { FAILURE_RULES_VERSION } from '../../lib/failure-rules.ts';
import { MODEL_JSON_VERSION, signatureToJson } from '../../lib/model-to-json.ts';

/** The failure index, in the shape `review-reports parse` prints. */
export const GET: APIRoute = () => {
  const { model } = siteData.report();
  const body = {
    version: MODEL_JSON_VERSION,
    rulesVersion: FAILURE_RULES_VERSION,
    generatedAt: model.newestActivity,
    signatures: model.signatures.map(signatureToJson),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
