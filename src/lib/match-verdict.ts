import type { BotFormat } from './bot-formats.ts';
import type { Verdict } from './types.ts';

/** A bot family whose verdict pattern matches a line. */
export interface VerdictMatch {
  format: BotFormat;
  verdict: Verdict;
  pipeline?: string;
  /** The verdict line after the verdict, trimmed (Zuul's `For information on how to proceed, see …`). */
  rest: string;
  /** The verdict pattern's `standsAlone`. */
  standsAlone: boolean;
}

/** Every bot family whose verdict pattern matches the line, in table order. */
export function matchVerdict(line: string, formats: readonly BotFormat[]): VerdictMatch[] {
  const trimmed = line.trim();
  const found: VerdictMatch[] = [];
  for (const format of formats) {
    for (const { pattern, verdict, standsAlone = false } of format.verdicts) {
      const match = pattern.exec(trimmed);
      if (!match) continue;
      const pipeline = match.groups?.pipeline?.trim();
      const rest = trimmed.slice(match.index + match[0].length).trim();
      found.push(pipeline ? { format, verdict, pipeline, rest, standsAlone } : { format, verdict, rest, standsAlone });
      break;
    }
  }
  return found;
}
