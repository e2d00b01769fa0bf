import { hashText } from './hash-text.ts';
import type { JsonExportResult } from './read-gerrit-query.ts';
import { restChangeToDump } from './rest-change-to-dump.ts';
import { splitJsonElements } from './split-json-elements.ts';
import type { Warning } from './types.ts';

const guardLine = /^\)\]\}'[ \t]*\r?(?:\n|$)/;

/**
 * Reads one saved REST API response (Gerrit's `rest-api.txt`, `rest-api-changes.txt`): the `)]}'` guard line,
 * then an array of ChangeInfo (`GET /changes/?q=…`, one page) or a single ChangeInfo (`GET /changes/<id>/detail`),
 * compact or pretty-printed. The response is one JSON document and is read whole (a page holds at most the
 * `n=` changes asked for), but each change is parsed on its own: a broken or cut-off change costs that change,
 * with a warning naming its line. `_more_changes` on a page's last change says another page exists: passed on.
 */
export function readGerritRest(text: string, file: string): JsonExportResult {
  const warnings: Warning[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const guard = guardLine.exec(body);
  const split = splitJsonElements(guard ? body.slice(guard[0].length) : body, guard ? 2 : 1);
  if (split.shape === 'empty') {
    warnings.push({ code: 'empty', file, message: 'the REST response holds no JSON after its guard line; skipped' });
    return { dumps: [], warnings };
  }
  const dumps: JsonExportResult['dumps'] = [];
  let more = false;
  split.elements.forEach((element, index) => {
    const position = { file, line: element.line };
    const cutOff = split.truncated && index === split.elements.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(element.text);
    } catch (error) {
      warnings.push(
        cutOff
          ? { code: 'truncated', ...position, message: 'the file ends inside this change; kept the changes before it' }
          : {
              code: 'bad-json',
              ...position,
              message: `not JSON (${(error as Error).message}); the change was skipped`,
            },
      );
      return;
    }
    if (index === split.elements.length - 1) more = (value as { _more_changes?: unknown })?._more_changes === true;
    const result = restChangeToDump(value, position, hashText(element.text, 16));
    warnings.push(...result.warnings);
    if (result.dump) dumps.push(result.dump);
  });
  const last = split.elements.at(-1);
  if (split.truncated && last && !warnings.some((warning) => warning.code === 'truncated')) {
    warnings.push({
      code: 'truncated',
      file,
      line: last.line,
      message: 'the array of changes is not closed: the file was cut off',
    });
  }
  if (split.trailingLine !== undefined) {
    warnings.push({
      code: 'bad-json',
      file,
      line: split.trailingLine,
      message: 'text after the end of the JSON document; ignored',
    });
  }
  return split.shape === 'array' ? { dumps, warnings, more } : { dumps, warnings };
}
