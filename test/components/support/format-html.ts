/**
 * One tag per line, for HTML snapshot files whose diffs can be read. Only line breaks are added (between
 * adjacent tags), so the snapshot still holds every character the component rendered.
 */
export function formatHtml(html: string): string {
  return `${html.trim().replaceAll('><', '>\n<')}\n`;
}
