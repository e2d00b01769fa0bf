import { parseArgs } from 'node:util';
import { buildCommand } from './build-command.ts';
import { type CommandIo, checkCommand, parseCommand } from './parse-command.ts';
import { serveCommand } from './serve-command.ts';
import { shardCommand } from './shard-command.ts';
import { triageCommand } from './triage-command.ts';

const usage = `Usage: review-reports <command> [options]

Commands:
  parse <dir> [--strict] [--config file]
                                print the parsed model of an export as JSON on stdout
  check <dir> [--config file]   validate an export without building (exit 1 on any warning)
  build [<dir>] [--out dist] [--force] [--base /path/] [--site https://host] [--config file]
        [--cache-dir dir] [--previous dir] [--json-summary file] [--strict] [--quiet] [--verbose]
                                build the report site (default: the bundled content/ export);
                                --force takes over a non-empty --out it did not write;
                                --previous: a previous build's output, to mark what is new since it
  triage <dir> [--config file] [--json]
                                list the signatures no known issue covers (and regressed ones), by impact
  serve [<dist>] [--port 4321]  serve a built site on localhost, with no network
  shard <dir> --by project|month --out <dir> [--config file]
                                split an export into shards that build independently;
                                build each with --base /<shard>/ --search-shards /<a>/,/<b>/

Exit codes: 0 done (warnings allowed), 1 warnings with --strict, 2 unreadable input, a bad config,
an --out that is not review-reports' own, or bad usage; 130 stopped by Ctrl-C, 143 stopped by SIGTERM.
`;

const defaultIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo = defaultIo): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    io.stderr(`review-reports: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, target] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  const quiet = values.quiet ?? false;
  switch (command) {
    case 'parse':
      if (!target) return missing('parse <dir>', io);
      return parseCommand(target, { strict: values.strict ?? false, quiet, config: values.config }, io);
    case 'check':
      if (!target) return missing('check <dir>', io);
      return checkCommand(target, { quiet, config: values.config }, io);
    case 'build':
      return buildCommand(
        {
          exportDir: target,
          out: values.out ?? 'dist',
          force: values.force ?? false,
          base: values.base,
          site: values.site,
          config: values.config,
          cacheDir: values['cache-dir'],
          previous: values.previous,
          jsonSummary: values['json-summary'],
          searchShards: values['search-shards'],
          strict: values.strict ?? false,
          quiet,
          verbose: values.verbose ?? false,
        },
        io,
      );
    case 'triage':
      if (!target) return missing('triage <dir> [--config file] [--json]', io);
      return triageCommand(target, { config: values.config, json: values.json ?? false, quiet }, io);
    case 'shard': {
      if (!target || !values.out || (values.by !== 'project' && values.by !== 'month')) {
        return missing('shard <dir> --by project|month --out <dir>', io);
      }
      return shardCommand(target, { by: values.by, out: values.out, config: values.config }, io);
    }
    case 'serve': {
      const served = await serveCommand(
        target ?? 'dist',
        { port: Number(values.port ?? 4321), base: values.base ?? '/' },
        io,
      );
      if (served.code !== 0 || !served.close) return served.code;
      // Keep serving until interrupted.
      await new Promise<void>((done) => process.once('SIGINT', done));
      await served.close();
      return 0;
    }
    default:
      io.stderr(`review-reports: unknown command ${JSON.stringify(command)}\n\n${usage}`);
      return 2;
  }
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      strict: { type: 'boolean' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      out: { type: 'string' },
      base: { type: 'string' },
      site: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
      'cache-dir': { type: 'string' },
      previous: { type: 'string' },
      json: { type: 'boolean' },
      'json-summary': { type: 'string' },
      'search-shards': { type: 'string' },
      by: { type: 'string' },
    },
  });
}

function missing(form: string, io: CommandIo): number {
  io.stderr(`review-reports: usage: review-reports ${form}\n`);
  return 2;
}
