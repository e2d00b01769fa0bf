import { hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeText } from './decode-text.ts';
import { detectExportFormat } from './detect-export-format.ts';
import { readExportFile } from './read-export-file.ts';
import { type JsonLine, readGerritQuery } from './read-gerrit-query.ts';
import { readGerritRest } from './read-gerrit-rest.ts';
import { readLines } from './read-lines.ts';
import type { Dump, ExportFormat, Warning } from './types.ts';

/** What one export file held, in whichever form it was written. */
export interface ExportSource {
  format: ExportFormat;
  dumps: Dump[];
  warnings: Warning[];
  bytes: number;
  /** A JSON page that says Gerrit holds more changes than it (`moreChanges`, `_more_changes`). */
  more?: boolean;
}

const headSize = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Reads one export file, its form told from its first bytes (`detectExportFormat`): a text dump or a REST
 * response is read whole; `gerrit query` output is streamed a line at a time, so a file of any size is read in
 * memory proportional to its longest line (one change). Never throws: an unreadable file is a warning.
 */
export function readExportSource(path: string, file: string): ExportSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return unreadable(file, error);
  }
  try {
    const size = fstatSync(fd).size;
    // Most dumps are a few kilobytes: read them in one go, into a buffer of their size.
    const head = Buffer.allocUnsafe(Math.min(size, headSize));
    const headLength = head.length > 0 ? readSync(fd, head, 0, head.length, 0) : 0;
    const format = detectExportFormat(head.subarray(0, headLength));
    if (format === 'gerrit-query') {
      const warnings: Warning[] = [];
      const lines = function* (): Generator<JsonLine> {
        for (const { bytes, line, terminated } of readLines(fd)) {
          yield { text: decodeLine(bytes, file, line, warnings), line, terminated };
        }
      };
      const result = readGerritQuery(lines(), file);
      return { format, ...result, warnings: [...warnings, ...result.warnings], bytes: size };
    }
    const content = readWhole(fd, head.subarray(0, headLength), size);
    if (format === 'gerrit-rest') {
      const decoded = decodeText(content);
      if (decoded.binary) {
        const warning: Warning = { code: 'binary', file, message: 'the file holds binary data, not text; skipped' };
        return { format, dumps: [], warnings: [warning], bytes: content.length };
      }
      const result = readGerritRest(decoded.text, file);
      if (decoded.fallback) result.warnings.unshift(notUtf8(file, decoded.firstBadLine ?? 1));
      return { format, ...result, bytes: content.length };
    }
    const result = readExportFile(content, file);
    if (result.dump) result.dump.digest = hash('sha1', content, 'hex').slice(0, 16);
    return { format, dumps: result.dump ? [result.dump] : [], warnings: result.warnings, bytes: content.length };
  } catch (error) {
    return unreadable(file, error);
  } finally {
    closeSync(fd);
  }
}

function readWhole(fd: number, head: Buffer, size: number): Buffer {
  if (head.length >= size) return head;
  const chunks = [head];
  let position = head.length;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size - position, headSize));
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
  return Buffer.concat(chunks);
}

/** JSON is UTF-8; a line that is not is read as Windows-1252 (once warned per file) rather than lost. */
function decodeLine(bytes: Buffer, file: string, line: number, warnings: Warning[]): string {
  try {
    return utf8.decode(bytes);
  } catch {
    if (!warnings.some((warning) => warning.code === 'not-utf8')) warnings.push(notUtf8(file, line));
    return windows1252.decode(bytes);
  }
}

function notUtf8(file: string, line: number): Warning {
  return { code: 'not-utf8', file, line, message: 'the file is not valid UTF-8; read it as Windows-1252 (Latin-1)' };
}

function unreadable(file: string, error: unknown): ExportSource {
  const message = `cannot read the file: ${(error as Error).message}`;
  return { format: 'text', dumps: [], warnings: [{ code: 'unreadable', file, message }], bytes: 0 };
}
