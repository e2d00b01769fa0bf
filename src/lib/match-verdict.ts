import type { BotFormat } from './bot-formats.ts';
import type { Verdict } from './types.ts';

/** A bot family whose verdict pattern matches a line. */
export interface VerdictMatch {
  format: BotFormat;
  verdict: Verdict;
  pipeline?: string;
}

/** Every bot family whose verdict pattern matches the line, in table order. */
export function matchVerdict(line: string, formats: readonly BotFormat[]): VerdictMatch[] {
  const trimmed = line.trim();
  const found: VerdictMatch[] = [];
  for (const format of formats) {
    for (const { pattern, verdict } of format.verdicts) {
      const match = pattern.exec(trimmed);
      if (!match) continue;
      const pipeline = match.groups?.pipeline?.trim();
      found.push(pipeline ? { format, verdict, pipeline } : { format, verdict });
      break;
    }
  }
  return found;
}
