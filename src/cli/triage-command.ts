import { resolve } from 'node:path';
import { loadKnownIssues } from '../config/known-issues.ts';
import { userReadSettings, userRules } from '../config/user-config.ts';
import { compareImpact } from '../lib/compare-impact.ts';
import { failureRules } from '../lib/failure-rules.ts';
import { matchKnownIssues } from '../lib/match-known-issues.ts';
import type { KnownIssue } from '../lib/types.ts';
import { loadConfigOption } from './load-config-option.ts';
import { type CommandIo, loadExport } from './parse-command.ts';

export interface TriageOptions {
  config: string | undefined;
  json: boolean;
  quiet: boolean;
}

/**
 * `review-reports triage <dir>`: the signatures that still need someone, most impact first: those no known issue
 * covers, and those whose known issue was fixed but that failed again (regressed). Text for people, `--json`
 * for a daily CI job. Exit 0 whatever it lists; 2 on an unreadable export, config or known-issues file.
 */
export function triageCommand(dir: string, options: TriageOptions, io: CommandIo): number {
  const config = loadConfigOption(options.config, io);
  if (!config) return 2;
  let issues: KnownIssue[];
  try {
    issues = loadKnownIssues(config, options.config && resolve(options.config));
  } catch (error) {
    io.stderr(`review-reports: ${(error as Error).message}\n`);
    return 2;
  }
  const model = loadExport(resolve(dir), io, {
    quiet: true,
    rules: [...userRules(config), ...failureRules],
    settings: userReadSettings(config),
  });
  if (!model) return 2;
  const known = matchKnownIssues(model.signatures, issues);
  const listed = model.signatures
    .filter((entry) => !known.has(entry.signature) || known.get(entry.signature)?.regressed)
    .sort(compareImpact)
    .map((entry) => {
      const match = known.get(entry.signature);
      return {
        signature: entry.signature,
        title: entry.title,
        kind: entry.kind,
        slug: entry.slug,
        occurrences: entry.occurrences.length,
        firstSeen: entry.firstSeen,
        lastSeen: entry.lastSeen,
        flaky: entry.flaky,
        impact: entry.impact,
        regressed: match?.regressed
          ? { ticket: match.issue.ticket, fixedOn: match.issue.fixedOn ?? null, since: match.regressedAt?.date ?? null }
          : null,
      };
    });
  const regressed = listed.filter((entry) => entry.regressed).length;

  if (options.json) {
    const body = {
      generatedAt: model.newestActivity,
      signatures: model.signatures.length,
      known: known.size,
      untriaged: listed.length - regressed,
      regressed,
      list: listed,
    };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }

  io.stdout(
    `${model.signatures.length} signatures, ${known.size} with a known issue: ${listed.length - regressed} untriaged and ${regressed} regressed, most impact first\n`,
  );
  if (listed.length === 0) return 0;
  const header = ['rebuilds', 'rejected', 'sole', 'changes', 'trend', 'signature'];
  const rows = listed.map((entry) => [
    String(entry.impact.rebuilds),
    String(entry.impact.rejectedPatchSets),
    String(entry.impact.soleCauseRejections),
    String(entry.impact.changes),
    entry.impact.trend,
    entry.regressed
      ? `${entry.signature}  REGRESSED: ${entry.regressed.ticket} fixed on ${entry.regressed.fixedOn}, failed ${entry.regressed.since}`
      : entry.signature,
  ]);
  const widths = header
    .slice(0, -1)
    .map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < 4 ? cell.padStart(widths[column] ?? 0) : column === 4 ? cell.padEnd(widths[column] ?? 0) : cell,
      )
      .join('  ');
  io.stdout(`\n${[header, ...rows].map(line).join('\n')}\n`);
  return 0;
}
