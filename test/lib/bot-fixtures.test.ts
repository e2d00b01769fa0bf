import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelToJson } from '../../src/lib/model-to-json.ts';
import { parseExport } from '../../src/lib/parse-export.ts';

/**
 * One export per bot family, written from the formats as their projects document them (the Gerrit Trigger
 * plugin's build-stats message with and without the Build Failure Analyzer, a Jenkins folder and multibranch
 * job, Zuul's check and gate reports). `zuul-opendev` follows Zuul's reporter (`_formatItemReportJobs`: `- <job> <url> :
 * <RESULT>[ <error detail>][ in 1h 02m 03s][ (non-voting)]`, the job name as URL when a build has none, `Skipped N
 * jobs`, `Warning:` blocks, the dequeue, merge-conflict and dependency reports) as OpenDev and a Zuul v2 era
 * installation print it, with a third-party Jenkins voting and people writing "Build failed …";
 * `gerrit-trigger-urls` follows the plugin's `createBuildsStats` (`<url> : <RESULT>[ (skipped)][ <<< … >>>]`)
 * with a `/view/` URL, a multibranch job, `/console` after a build, custom non-Jenkins URLs, stray whitespace,
 * Unicode, and a CRLF copy. Parsed whole, each must give
 * `<case>/expected.json`, the model as `parse` prints it. A missing expected file is written on first run and
 * `UPDATE=1` rewrites them all: read every written file before committing it.
 */
const root = new URL('../fixtures/bots/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function parsed(name: string) {
  return JSON.parse(JSON.stringify(modelToJson(parseExport(fileURLToPath(new URL(`${name}/export/`, root))))));
}

describe('bot fixtures', () => {
  it('has a case for every family and shape', () => {
    expect(cases).toEqual([
      'gerrit-trigger-bfa',
      'gerrit-trigger-logs',
      'gerrit-trigger-urls',
      'jenkins-multibranch',
      'zuul',
      'zuul-opendev',
    ]);
  });

  for (const name of cases) {
    it(`parses ${name}/ as ${name}/expected.json says`, () => {
      const actual = parsed(name);
      const expectedFile = new URL(`${name}/expected.json`, root);
      if (process.env.UPDATE === '1' || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
