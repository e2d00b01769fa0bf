import type { APIRoute } from 'astro';
import { loadReport } from '../../data/load-report.ts';
import { modelToJson } from '../../lib/model-to-json.ts';

/** The failure index, in the shape `review-reports parse` prints. */
export const GET: APIRoute = () => {
  const { version, rulesVersion, generatedAt, signatures } = modelToJson(loadReport().model);
  return new Response(JSON.stringify({ version, rulesVersion, generatedAt, signatures }), {
    headers: { 'Content-Type': 'application/json' },
  });
};
