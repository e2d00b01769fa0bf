import type { Warning } from './types.ts';

// Control characters (C0, DEL, C1) and the bidirectional controls that reorder what a terminal shows.
const unprintable = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

/**
 * `file:line: warning: message [code]`, the shape editors and CI logs link up. File names and quoted text come
 * from the export: control characters in them are written as `\uXXXX`, so a warning is always one line and
 * cannot move the cursor, recolour the terminal or reorder the text around it.
 */
export function formatWarning(warning: Warning): string {
  const where = warning.line === undefined ? warning.file : `${warning.file}:${warning.line}`;
  return `${where}: warning: ${warning.message} [${warning.code}]`.replace(
    unprintable,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
