import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const lib = new URL('../../src/lib/', import.meta.url);

/** Every name a module exports, types included, read from its syntax tree. */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(new URL(file, lib), 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement)
      ? (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) names.push(...clause.elements.map((element) => element.name.text));
      else names.push(`* from ${(statement.moduleSpecifier as ts.StringLiteral).text}`);
    } else if (!exported) {
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) names.push(declaration.name.getText(source));
    } else if (
      ts.isFunctionDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    ) {
      names.push(statement.name?.text ?? 'default');
    }
  }
  return names.sort();
}

/** The public API of the core: change it on purpose, and update this list with it. */
const api: Record<string, string[]> = {
  'account-name.ts': ['AccountName', 'accountName'],
  'detect-export-format.ts': ['detectExportFormat'],
  'gerrit-change-to-dump.ts': ['GerritChangeParts', 'GerritMessageParts', 'gerritChangeToDump'],
  'json-value.ts': ['JsonFields', 'jsonValue'],
  'query-change-to-dump.ts': ['JsonChangeResult', 'queryChangeToDump'],
  'read-export-source.ts': ['ExportSource', 'readExportSource'],
  'read-gerrit-query.ts': ['JsonExportResult', 'JsonLine', 'readGerritQuery'],
  'read-gerrit-rest.ts': ['readGerritRest'],
  'read-lines.ts': ['ByteLine', 'readLines'],
  'rest-change-to-dump.ts': ['restChangeToDump'],
  'review-text.ts': ['reviewText'],
  'gerrit-summary.ts': ['GerritSummary', 'gerritSummary'],
  'line-build-id.ts': ['lineBuildId'],
  'pin-positions.ts': ['pinPositions'],
  'message-key.ts': ['messageKey'],
  'split-json-elements.ts': ['JsonElements', 'splitJsonElements'],
  'assemble-changes.ts': ['AssembledChanges', 'assembleChanges'],
  'bot-formats.ts': ['BOT_FORMATS_VERSION', 'BotFormat', 'VerdictPattern', 'botFormats'],
  'bounded-memo.ts': ['boundedMemo'],
  'build-model.ts': ['buildModel'],
  'change-entry.ts': ['changeEntry'],
  'classify-failure.ts': ['ClassifiedFailure', 'classifyFailure'],
  'classify-message.ts': ['classifyMessage'],
  'collect-runs.ts': ['collectRuns'],
  'compare-builds.ts': ['compareBuilds'],
  'compare-impact.ts': ['compareImpact'],
  'compare-with-previous.ts': ['ACTIVE_DAYS', 'compareWithPrevious'],
  'compute-impact.ts': ['computeImpact'],
  'date-range.ts': ['dateRange'],
  'decode-text.ts': ['DecodedText', 'decodeText'],
  'describe-bot-formats.ts': ['describeBotFormats'],
  'describe-rules.ts': ['describeRules'],
  'extract-build.ts': ['extractBuild'],
  'failure-rules.ts': ['FAILURE_RULES_VERSION', 'FailureRule', 'failureRules'],
  'fill-signature.ts': ['fillSignature'],
  'find-tickets.ts': ['defaultTicketPattern', 'findTickets'],
  'format-warning.ts': ['formatWarning'],
  'hash-text.ts': ['hashText'],
  'index-failures.ts': ['indexFailures', 'titleOf'],
  'list-export-files.ts': ['listExportFiles'],
  'mask-text.ts': ['maskText'],
  'own-string.ts': ['copyString', 'ownString'],
  'match-known-issues.ts': ['matchKnownIssues'],
  'match-verdict.ts': ['VerdictMatch', 'matchVerdict'],
  'model-to-json.ts': [
    'MODEL_JSON_VERSION',
    'changeSummaryToJson',
    'changeToJson',
    'failureToJson',
    'modelToJson',
    'signatureToJson',
  ],
  'occurrence-trend.ts': ['BASELINE_DAYS', 'OccurrenceTrend', 'RECENT_DAYS', 'occurrenceTrend'],
  'parse-date.ts': ['parseDate'],
  'parse-description.ts': ['parseDescription'],
  'parse-duration.ts': ['parseDuration'],
  'parse-export.ts': ['ParseExportOptions', 'parseExport'],
  'parse-job-url.ts': ['JobUrl', 'parseJobUrl'],
  'read-ahead.ts': ['ReadAhead', 'ReadAheadOptions', 'ReadAheadReport', 'readAhead'],
  'read-dump.ts': ['ReadDumpResult', 'readDump'],
  'read-export-file.ts': ['readExportFile'],
  'read-settings.ts': ['ReadSettings', 'defaultReadSettings'],
  'signature-summary.ts': ['signatureSummary'],
  'slug.ts': ['changeSlug', 'signatureSlug'],
  'split-job-name.ts': ['defaultJobName', 'splitJobName'],
  'trim-blank-lines.ts': ['trimBlankLines'],
  'types.ts': [
    'Build',
    'BuildId',
    'BuildReport',
    'BuildStart',
    'Change',
    'ChangeEntry',
    'ClassifiedMessage',
    'Comparison',
    'Description',
    'Dump',
    'DumpLayout',
    'EXPORT_FORMATS',
    'ExportFormat',
    'Failure',
    'FailureKind',
    'FlakyEvidence',
    'GerritChange',
    'GerritStatus',
    'Impact',
    'IndexedSignature',
    'InlineComment',
    'JobIdentity',
    'JobReport',
    'JobResult',
    'JobRun',
    'KNOWN_ISSUE_STATUSES',
    'KnownIssue',
    'KnownIssueMatch',
    'KnownIssueStatus',
    'Message',
    'MessageKind',
    'Occurrence',
    'Outcome',
    'PreviousBuild',
    'PreviousSignature',
    'RawMessage',
    'ReportModel',
    'RunOutcome',
    'SINCE_STATUSES',
    'SearchChangeRow',
    'SignatureEntry',
    'SignatureSince',
    'SignatureSummary',
    'SinceStatus',
    'SourcePosition',
    'TRENDS',
    'Trend',
    'UploadKind',
    'Verdict',
    'Vote',
    'Warning',
    'WarningCode',
    'failureKinds',
    'outcomes',
    'runOutcomes',
    'verdicts',
  ],
  'unclassified-failure.ts': ['unclassifiedFailure'],
  'workspace-path.ts': ['workspacePath'],
};

const modules = readdirSync(lib)
  .filter((file) => file.endsWith('.ts'))
  .sort();

describe('the public API of src/lib', () => {
  it('has exactly these modules', () => {
    expect(modules).toEqual(Object.keys(api).sort());
  });

  for (const file of modules) {
    it(`${file} exports exactly ${(api[file] ?? []).join(', ') || 'nothing'}`, async () => {
      expect(exportedNames(file)).toEqual(api[file]);
      // What exists at run time is the same list without the types.
      const runtime = Object.keys(await import(new URL(file, lib).href)).sort();
      expect(runtime.every((name) => api[file]?.includes(name))).toBe(true);
    });
  }

  it('keeps the core free of Astro and Vite', () => {
    for (const file of modules) {
      const source = readFileSync(new URL(file, lib), 'utf8');
      expect(source, file).not.toMatch(/from ['"](?:astro|vite)(?:[/:'"])/);
    }
  });
});
