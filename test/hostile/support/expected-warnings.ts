/**
 * Every warning the hostile export (`writeHostileExport`, files under `hostile/`) must give, in the order the
 * CLI prints them (by file, then line), exactly as printed: control characters from file names and text are
 * written as `\uXXXX`. The seeds, the generated sample and the big generated cases give none.
 */
export const expectedWarningLines = [
  String.raw`hostile/\u001b[31mred\u001b[0m.txt:1: warning: expected a DESCRIPTION line, found "not a dump: \u001b[31mred\u001b[0m.txt"; the file is not a review dump and was skipped [not-a-dump]`,
  `hostile/"><img src=x onerror=alert(1)>.txt:1: warning: expected a DESCRIPTION line, found "not a dump: \\"><img src=x onerror=alert(1)>.txt"; the file is not a review dump and was skipped [not-a-dump]`,
  'hostile/README.md:1: warning: expected a DESCRIPTION line, found "# Hostile review export"; the file is not a review dump and was skipped [not-a-dump]',
  'hostile/bad-date.txt:10: warning: the date "2018-02-30 10:00:00.000000000" does not parse; the message is kept without a date [bad-date]',
  'hostile/bad-date.txt:16: warning: the date "yesterday, around noon" does not parse; the message is kept without a date [bad-date]',
  'hostile/bad-date.txt:24: warning: the date "2018-06-05 25:61:00" does not parse; the message is kept without a date [bad-date]',
  'hostile/bad-date.txt:30: warning: the date "" does not parse; the message is kept without a date [bad-date]',
  'hostile/change-id-dotdot.txt:3: warning: the Change-Id "../../../escaped-change" is not a plain identifier; its pages use escaped-change-bef65d1b35 [bad-change-id]',
  'hostile/change-id-markup.txt:3: warning: the Change-Id "I\\"><script>alert(1)</script>" is not a plain identifier; its pages use i-script-alert-1-script-0fa1f90a25 [bad-change-id]',
  'hostile/change-id-number.txt:3: warning: the Change-Id "2" is not a plain identifier; its pages use 2-da4b9237ba [bad-change-id]',
  'hostile/change-id-percent.txt:3: warning: the Change-Id "%2e%2e%2f%2e%2e%2fescaped-percent" is not a plain identifier; its pages use 2e-2e-2f-2e-2e-2fescaped-percent-8d34fb5bf8 [bad-change-id]',
  String.raw`hostile/change-id-rtl.txt:3: warning: the Change-Id "I\u202etxt.exe" is not a plain identifier; its pages use i-txt-exe-f3d75d0f8b [bad-change-id]`,
  'hostile/change-id-slug.txt:3: warning: the Change-Id "escaped-change-bef65d1b35" is not a plain identifier; its pages use escaped-change-bef65d1b35-c4ddb3deb4 [bad-change-id]',
  'hostile/core.bin: warning: the file holds binary data, not text; skipped [binary]',
  'hostile/empty.txt: warning: the file is empty; skipped [empty]',
  String.raw`hostile/evil\u202etxt.exe:1: warning: expected a DESCRIPTION line, found "not a dump: evil\u202etxt.exe"; the file is not a review dump and was skipped [not-a-dump]`,
  'hostile/latin1.txt:4: warning: the file is not valid UTF-8; read it as Windows-1252 (Latin-1) [not-utf8]',
  'hostile/no-change-id.txt:3: warning: the commit message has no Change-Id footer; the dump is reported as change nochangeid-66babb995757 [no-change-id]',
  'hostile/review.txt: warning: the dump repeats hostile/copies/review (copy).txt; its messages are counted once [duplicate-dump]',
  'hostile/truncated.txt:20: warning: the last message (line 15) has no closing separator; kept what is there [truncated]',
  'hostile/whitespace-only.txt: warning: the file is empty or holds only whitespace; skipped [empty]',
];

/** The warning lines of a CLI run's stderr, in order. */
export function warningLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.includes(': warning: '));
}
