import { type UserConfig, userRules } from '../config/user-config.ts';
import { type FailureRule, failureRules } from '../lib/failure-rules.ts';
import type { Change, ReportModel, SignatureEntry } from '../lib/types.ts';

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
}

export function createReport(model: ReportModel, config: UserConfig): Report {
  return {
    model,
    config,
    rules: [...userRules(config), ...failureRules],
    changeBySlug: new Map(model.changes.map((change) => [change.slug, change])),
    changeById: new Map(model.changes.map((change) => [change.id, change])),
    signatureBySlug: new Map(model.signatures.map((entry) => [entry.slug, entry])),
    signatureByKey: new Map(model.signatures.map((entry) => [entry.signature, entry])),
    flakySignatures: new Set(model.signatures.filter((entry) => entry.flaky).map((entry) => entry.signature)),
  };
}
