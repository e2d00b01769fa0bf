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
  'pin-positions.ts': ['pinPositions'],
  'message-key.ts': ['messageKey'],
  'split-json-elements.ts': ['JsonElements', 'splitJsonElements'],
  'assemble-changes.ts': ['AssembledChanges', 'assembleChanges'],
  'bounded-memo.ts': ['boundedMemo'],
  'build-model.ts': ['buildModel'],
  'classify-failure.ts': ['ClassifiedFailure', 'classifyFailure'],
  'classify-message.ts': ['classifyMessage'],
  'date-range.ts': ['dateRange'],
  'decode-text.ts': ['DecodedText', 'decodeText'],
  'describe-rules.ts': ['describeRules'],
  'extract-build.ts': ['extractBuild', 'isVerdictLine'],
  'failure-rules.ts': ['FAILURE_RULES_VERSION', 'FailureRule', 'failureRules'],
  'fill-signature.ts': ['fillSignature'],
  'hash-text.ts': ['hashText'],
  'index-failures.ts': ['indexFailures', 'titleOf'],
  'list-export-files.ts': ['listExportFiles'],
  'mask-text.ts': ['maskText'],
  'model-to-json.ts': [
    'MODEL_JSON_VERSION',
    'changeSummaryToJson',
    'changeToJson',
    'failureToJson',
    'modelToJson',
    'signatureToJson',
  ],
  'parse-date.ts': ['parseDate'],
  'parse-description.ts': ['parseDescription'],
  'parse-export.ts': ['ParseExportOptions', 'parseExport'],
  'parse-job-url.ts': ['JobUrl', 'parseJobUrl', 'splitJobName'],
  'read-dump.ts': ['ReadDumpResult', 'readDump'],
  'read-export-file.ts': ['readExportFile'],
  'slug.ts': ['changeSlug', 'signatureSlug'],
  'trim-blank-lines.ts': ['trimBlankLines'],
  'types.ts': [
    'Build',
    'BuildReport',
    'BuildStart',
    'Change',
    'ClassifiedMessage',
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
    'InlineComment',
    'JobIdentity',
    'JobReport',
    'JobResult',
    'JobRun',
    'Message',
    'MessageKind',
    'Occurrence',
    'Outcome',
    'RawMessage',
    'ReportModel',
    'SignatureEntry',
    'SourcePosition',
    'UploadKind',
    'Verdict',
    'Vote',
    'Warning',
    'WarningCode',
    'failureKinds',
  ],
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
