/** What {@link decodeText} found out about a file's bytes. */
export interface DecodedText {
  text: string;
  /** The bytes held NUL or other control bytes that no text file has. */
  binary: boolean;
  /** The bytes were not valid UTF-8 and were read as Windows-1252. */
  fallback: boolean;
  /** 1-based line of the first byte that is not UTF-8, when `fallback`. */
  firstBadLine?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// windows-1252 is a superset of Latin-1 for printable text, and what the WHATWG decoder maps `latin1` to anyway.
const windows1252 = new TextDecoder('windows-1252');

/**
 * Turns a file's bytes into text: UTF-8 (BOM dropped), or Windows-1252 when the bytes are not UTF-8.
 * Exports are written by many tools; a stray Latin-1 byte must not cost the whole file.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const binary = looksBinary(bytes);
  try {
    return { text: utf8.decode(bytes), binary, fallback: false };
  } catch {
    const text = windows1252.decode(bytes);
    return { text, binary, fallback: true, firstBadLine: lineOfFirstInvalidUtf8(bytes) };
  }
}

/** NUL bytes, or many C0 controls other than tab, CR, LF and form feed, in the first 8 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) controls++;
  }
  return end > 0 && controls / end > 0.1;
}

const secondByteRange: Record<number, [number, number]> = {
  224: [0xa0, 0xbf],
  237: [0x80, 0x9f],
  240: [0x90, 0xbf],
  244: [0x80, 0x8f],
};

function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b === 10) line++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    if (need < 0 || b > 0xf4) return line;
    // The second byte is narrower after E0, ED, F0 and F4: overlong forms and surrogates are not UTF-8 either.
    const [low, high] = secondByteRange[b] ?? [0x80, 0xbf];
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return line;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return line;
    }
    i += need + 1;
  }
  return line;
}
