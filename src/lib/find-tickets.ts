// Names of standards and encodings have the shape of a Jira key (`UTF-8`, `SHA-1`, `X86-64`, `ISO-8601`) and are
// never tickets. A number followed by `-` or `.` and a digit (`CVE-2024-3094`, `ISO-8859-1`) is not one either.
const standards =
  'UTF|UCS|SHA|MD|ISO|X86|X64|AMD64|ARM64|RFC|CVE|CWE|AES|DES|RSA|CRC|IEC|IEEE|ECMA|PEP|CP|GB|EUC|KOI8|LATIN|BASE|IPV|TLS|SSL|HTTP|MPEG|ANSI|DIN|JIS|WCAG|ASN';

/** The default `ticketPattern`: Jira-style keys such as `MB-26887`, not the names of standards. */
export const defaultTicketPattern = new RegExp(
  String.raw`\b(?!(?:${standards})-)[A-Z][A-Z0-9_]{1,15}-\d{1,7}\b(?![-.]\d)`,
  'g',
);

/**
 * The ticket references of a text, in order of first appearance, without repeats: each match of `pattern`, or its
 * `ticket` group when it has one.
 */
export function findTickets(text: string, pattern: RegExp = defaultTicketPattern): string[] {
  const global = pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  const tickets: string[] = [];
  for (const found of text.matchAll(global)) {
    const ticket = found.groups?.ticket ?? found[0];
    if (ticket !== '' && !tickets.includes(ticket)) tickets.push(ticket);
  }
  return tickets;
}
