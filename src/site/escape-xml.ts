// Characters XML 1.0 does not allow at all, even escaped: C0 controls but tab, newline and carriage return,
// lone surrogates, U+FFFE and U+FFFF. One of them from the export would make the whole document unreadable.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const special = /[&<>"']/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text as XML character data, safe in element content and in quoted attribute values alike. Characters XML
 * cannot hold become U+FFFD, the replacement character, so the text stays readable and the document valid.
 */
export function escapeXml(text: string): string {
  return text.replace(notXml, '\uFFFD').replace(special, (character) => entities[character] as string);
}
