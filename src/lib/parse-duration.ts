/** Reads a duration as Zuul prints it (`1h 02m 03s`, `3m 21s`, `45s`) into seconds; `undefined` for other text. */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)h\s*)?(?:(\d+)m\s*)?(\d+)s$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3]);
}
