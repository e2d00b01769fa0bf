const maxLength = 160;

/**
 * The text of a cause with what changes from run to run masked: hex addresses and hashes become `#`, other
 * numbers `N`, runs of whitespace one space. Used to key causes that no specific rule recognizes.
 */
export function maskText(text: string): string {
  const masked = text
    .replace(/\b0x[0-9a-f]+\b/gi, '0x#')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi, '#')
    // The `0` of a masked `0x#` is not a number to mask.
    .replace(/\b0x#|\d+/g, (found) => (found === '0x#' ? found : 'N'))
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length > maxLength ? `${masked.slice(0, maxLength)}…` : masked;
}
