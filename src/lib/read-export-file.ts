import { decodeText } from './decode-text.ts';
import { type ReadDumpResult, readDump } from './read-dump.ts';

/**
 * Reads one export file's bytes: decodes them (UTF-8, else Windows-1252 with a warning), refuses binary
 * files and reads the dump. Never throws.
 */
export function readExportFile(bytes: Uint8Array, file: string): ReadDumpResult {
  if (bytes.length === 0) {
    return { dump: null, warnings: [{ code: 'empty', file, message: 'the file is empty; skipped' }] };
  }
  const decoded = decodeText(bytes);
  if (decoded.binary) {
    return {
      dump: null,
      warnings: [{ code: 'binary', file, message: 'the file holds binary data, not text; skipped' }],
    };
  }
  const result = readDump(decoded.text, file);
  if (decoded.fallback) {
    result.warnings.unshift({
      code: 'not-utf8',
      file,
      line: decoded.firstBadLine ?? 1,
      message: 'the file is not valid UTF-8; read it as Windows-1252 (Latin-1)',
    });
  }
  return result;
}
