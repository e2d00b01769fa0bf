/** A JSON document cut into its top-level values, each with the 1-based line it starts on. */
export interface JsonElements {
  /** `array`: the values of a top-level array; `value`: the document is one value (an object, say). */
  shape: 'array' | 'value' | 'empty';
  elements: Array<{ text: string; line: number }>;
  /** The document stops before its last value or the array's `]` is complete: the file was cut off. */
  truncated: boolean;
  /** Line of the first non-blank text after the document, when there is any. */
  trailingLine?: number;
}

/**
 * Cuts a JSON document into its top-level values without parsing them: each can then be parsed on its own,
 * so a cut-off or broken value costs that value only, and each value knows its line for warnings. Strings are
 * skipped with their escapes; brackets are counted, not checked (`JSON.parse` of the value checks them).
 */
export function splitJsonElements(text: string, firstLine = 1): JsonElements {
  let line = firstLine;
  let i = 0;
  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return;
      i++;
    }
  };
  // Scans one value from i; returns false when the text ends inside it.
  const scanValue = (): boolean => {
    let depth = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        while (i < text.length && text.charCodeAt(i) !== 34) {
          if (text.charCodeAt(i) === 92) i++;
          else if (text.charCodeAt(i) === 10) line++;
          i++;
        }
        if (i >= text.length) return false;
      } else if (c === 123 || c === 91) {
        depth++;
      } else if (c === 125 || c === 93) {
        if (depth === 0) return true;
        depth--;
        if (depth === 0) {
          i++;
          return true;
        }
      } else if (c === 10) {
        line++;
      } else if (depth === 0 && (c === 44 || c === 32 || c === 9 || c === 13)) {
        return true;
      }
      i++;
    }
    return depth === 0;
  };

  skipSpace();
  if (i >= text.length) return { shape: 'empty', elements: [], truncated: false };
  const elements: JsonElements['elements'] = [];
  let truncated = false;
  let shape: JsonElements['shape'] = 'value';
  if (text.charCodeAt(i) === 91) {
    shape = 'array';
    i++;
    let closed = false;
    while (!closed) {
      skipSpace();
      if (i >= text.length) {
        truncated = true;
        break;
      }
      if (text.charCodeAt(i) === 93) {
        i++;
        closed = true;
        break;
      }
      const start = i;
      const startLine = line;
      const complete = scanValue();
      elements.push({ text: text.slice(start, i), line: startLine });
      if (!complete) {
        truncated = true;
        break;
      }
      skipSpace();
      if (text.charCodeAt(i) === 44) i++;
      else if (text.charCodeAt(i) !== 93) {
        truncated = i >= text.length;
        if (!truncated) i++;
      }
    }
  } else {
    const start = i;
    const startLine = line;
    truncated = !scanValue();
    elements.push({ text: text.slice(start, i), line: startLine });
  }
  skipSpace();
  const result: JsonElements = { shape, elements, truncated };
  if (i < text.length) result.trailingLine = line;
  return result;
}
