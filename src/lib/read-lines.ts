import { readSync } from 'node:fs';

/** One line of a file, as bytes without its line end. */
export interface ByteLine {
  bytes: Buffer;
  /** 1-based. */
  line: number;
  /** The line ended with a newline; the last line of a cut-off file does not. */
  terminated: boolean;
}

/**
 * The lines of an open file, read in chunks: memory stays at one chunk plus the longest line, however big the
 * file (a `gerrit query` export of every change of a server runs to gigabytes). `\r\n` and `\n` end a line.
 */
export function* readLines(fd: number, chunkSize = 1 << 20): Generator<ByteLine> {
  let pending: Buffer[] = [];
  let line = 1;
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(chunkSize);
    const read = readSync(fd, chunk, 0, chunkSize, position);
    if (read === 0) break;
    position += read;
    const data = chunk.subarray(0, read);
    let start = 0;
    for (let end = data.indexOf(10, 0); end >= 0; end = data.indexOf(10, start)) {
      const piece = data.subarray(start, end);
      const bytes = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      yield { bytes: withoutCarriageReturn(bytes), line, terminated: true };
      line++;
      start = end + 1;
    }
    if (start < read) pending.push(data.subarray(start));
  }
  if (pending.length > 0) yield { bytes: withoutCarriageReturn(Buffer.concat(pending)), line, terminated: false };
}

function withoutCarriageReturn(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
}
