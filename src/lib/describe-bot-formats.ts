import type { BotFormat } from './bot-formats.ts';

/** The bot-family table as Markdown for the README (kept current by a test): a summary table, then each pattern. */
export function describeBotFormats(formats: readonly BotFormat[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = formats.map(
    (format, index) =>
      `| ${index + 1} | \`${format.id}\` | ${cell(format.description)} | ${format.failed.map((result) => `\`${result}\``).join(', ')} | ${format.causeEnd ? 'yes' : 'no'} |`,
  );
  const source = (pattern: RegExp) => `/${pattern.source}/${pattern.flags}`;
  const patterns = formats.flatMap((format) => [
    `${format.id}`,
    ...format.verdicts.map(
      ({ pattern, verdict, standsAlone }) => `  verdict ${verdict}${standsAlone ? ' (alone)' : ''}  ${source(pattern)}`,
    ),
    ...(format.started ? [`  started  ${source(format.started)}`] : []),
    `  job line  ${source(format.jobLine)}`,
    ...(format.blockEnd ? [`  block end  ${source(format.blockEnd)}`] : []),
    ...(format.causeEnd ? [`  cause end  ${source(format.causeEnd)}`] : []),
    ...format.noCause.map((pattern) => `  no cause  ${source(pattern)}`),
    ...(format.logLine ? [`  log line  ${source(format.logLine)}`] : []),
  ]);
  return [
    '| # | family | messages | failed results | causes |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '<details><summary>The patterns</summary>',
    '',
    '```text',
    ...patterns,
    '```',
    '',
    '</details>',
  ].join('\n');
}
