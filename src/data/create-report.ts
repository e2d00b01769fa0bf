import { type UserConfig, userRules } from '../config/user-config.ts';
import { compareWithPrevious } from '../lib/compare-with-previous.ts';
import { type FailureRule, failureRules } from '../lib/failure-rules.ts';
import { matchKnownIssues } from '../lib/match-known-issues.ts';
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

/** The parsed export with the lookups pages need. */
export interface Report {
  model: ReportModel;
  config: UserConfig;
  /** The rules the export was classified with: the user's, then the built-in ones. */
  rules: readonly FailureRule[];
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
  knownIssues?: readonly KnownIssue[] | undefined;
  previous?: PreviousBuild | null | undefined;
}

export function createReport(model: ReportModel, config: UserConfig, context: ReportContext = {}): Report {
  const since = compareWithPrevious(model.signatures, model.newestActivity, context.previous ?? null);
  const knownIssues = matchKnownIssues(model.signatures, context.knownIssues ?? []);
  return {
    model,
    config,
    rules: [...userRules(config), ...failureRules],
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
