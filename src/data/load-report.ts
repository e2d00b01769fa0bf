import { loadUserConfig, type UserConfig, userReadSettings, userRules } from '../config/user-config.ts';
import { failureRules } from '../lib/failure-rules.ts';
import { parseExport } from '../lib/parse-export.ts';
import type { Change, ReportModel, SignatureEntry } from '../lib/types.ts';
import { readSiteEnv } from './site-env.ts';

/** The parsed export with the lookups pages need. */
export interface Report {
  model: ReportModel;
  config: UserConfig;
  changeBySlug: Map<string, Change>;
  changeById: Map<string, Change>;
  signatureBySlug: Map<string, SignatureEntry>;
  signatureByKey: Map<string, SignatureEntry>;
  /** Signatures found flaky anywhere in the export. */
  flakySignatures: ReadonlySet<string>;
}

// One parse per export per process, shared by the CLI, the content loader and every page: Vite loads
// those as separate module instances, so the cache lives on globalThis.
const cacheKey = Symbol.for('review-reports.report-cache');
type Cache = Map<string, Report>;

function cache(): Cache {
  const holder = globalThis as unknown as Record<symbol, Cache | undefined>;
  holder[cacheKey] ??= new Map();
  return holder[cacheKey];
}

/** Parses the export named by the environment (see `site-env.ts`), once. */
export function loadReport(): Report {
  const env = readSiteEnv();
  const key = `${env.exportDir}\u0000${env.configFile ?? ''}`;
  const cached = cache().get(key);
  if (cached) return cached;
  const config = loadUserConfig(env.configFile);
  const model = parseExport(env.exportDir, {
    rules: [...userRules(config), ...failureRules],
    settings: userReadSettings(config),
  });
  const report = createReport(model, config);
  cache().set(key, report);
  return report;
}

/** Hands an already parsed model to the pages, so a CLI build parses once. */
export function provideReport(model: ReportModel, config: UserConfig): void {
  const env = readSiteEnv();
  cache().set(`${env.exportDir}\u0000${env.configFile ?? ''}`, createReport(model, config));
}

function createReport(model: ReportModel, config: UserConfig): Report {
  return {
    model,
    config,
    changeBySlug: new Map(model.changes.map((change) => [change.slug, change])),
    changeById: new Map(model.changes.map((change) => [change.id, change])),
    signatureBySlug: new Map(model.signatures.map((entry) => [entry.slug, entry])),
    signatureByKey: new Map(model.signatures.map((entry) => [entry.signature, entry])),
    flakySignatures: new Set(model.signatures.filter((entry) => entry.flaky).map((entry) => entry.signature)),
  };
}
