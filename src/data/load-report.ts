import { loadKnownIssues } from '../config/known-issues.ts';
import { loadUserConfig, type UserConfig, userRules } from '../config/user-config.ts';
import { compareWithPrevious } from '../lib/compare-with-previous.ts';
import { failureRules } from '../lib/failure-rules.ts';
import { matchKnownIssues } from '../lib/match-known-issues.ts';
import { parseExport } from '../lib/parse-export.ts';
import type {
  Change,
  Comparison,
  KnownIssue,
  KnownIssueMatch,
  PreviousBuild,
  ReportModel,
  SignatureEntry,
  SignatureSince,
} from '../lib/types.ts';
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
  /** The known issue of each signature that has one, from the config's `knownIssues` file. */
  knownIssues: ReadonlyMap<string, KnownIssueMatch>;
  /** The keys of `knownIssues`: what the failure index's known / unknown views filter by. */
  knownSignatures: ReadonlySet<string>;
  /** What is new, back, newly flaky or gone since the previous build (or new in the export's last week). */
  since: Comparison;
  sinceBySignature: ReadonlyMap<string, SignatureSince>;
}

/** What a build knows besides the export and the config: the known issues, and the previous build's index. */
export interface ReportContext {
  knownIssues?: readonly KnownIssue[];
  previous?: PreviousBuild | null;
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
  const model = parseExport(env.exportDir, { rules: [...userRules(config), ...failureRules] });
  const report = createReport(model, config, { knownIssues: loadKnownIssues(config, env.configFile) });
  cache().set(key, report);
  return report;
}

/** Hands an already parsed model to the pages, so a CLI build parses once. */
export function provideReport(model: ReportModel, config: UserConfig, context: ReportContext = {}): void {
  const env = readSiteEnv();
  cache().set(`${env.exportDir}\u0000${env.configFile ?? ''}`, createReport(model, config, context));
}

function createReport(model: ReportModel, config: UserConfig, context: ReportContext): Report {
  const since = compareWithPrevious(model.signatures, model.newestActivity, context.previous ?? null);
  const knownIssues = matchKnownIssues(model.signatures, context.knownIssues ?? []);
  return {
    model,
    config,
    changeBySlug: new Map(model.changes.map((change) => [change.slug, change])),
    changeById: new Map(model.changes.map((change) => [change.id, change])),
    signatureBySlug: new Map(model.signatures.map((entry) => [entry.slug, entry])),
    signatureByKey: new Map(model.signatures.map((entry) => [entry.signature, entry])),
    flakySignatures: new Set(model.signatures.filter((entry) => entry.flaky).map((entry) => entry.signature)),
    knownIssues,
    knownSignatures: new Set(knownIssues.keys()),
    since,
    sinceBySignature: new Map(since.signatures.map((entry) => [entry.signature, entry])),
  };
}
