import type { ExportFormat } from './types.ts';

const guard = ")]}'";

/**
 * Tells an export file's form from its first bytes, whatever its name: the REST API's `)]}'` guard line or a
 * JSON array (a saved REST response), one JSON object per line (`gerrit query --format=JSON`), or text. A
 * pretty-printed object (`{` alone on its first line) is one REST response, not a line-per-change stream.
 */
export function detectExportFormat(head: Uint8Array): ExportFormat {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && isSpace(head[i] as number)) i++;
  const first = head[i];
  if (first === 0x5b) return 'gerrit-rest';
  if (first === 0x29 && startsWith(head, i, guard)) return 'gerrit-rest';
  if (first !== 0x7b) return 'text';
  let end = i + 1;
  while (end < head.length && head[end] !== 0x0a) end++;
  let k = i + 1;
  while (k < end && isSpace(head[k] as number)) k++;
  return k === end && end < head.length ? 'gerrit-rest' : 'gerrit-query';
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}
