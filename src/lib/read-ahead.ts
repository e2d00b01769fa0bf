import { Worker } from 'node:worker_threads';

/** What the read-ahead thread did: `read` files read through, of `paths`; `unreadable` ones skipped. */
export interface ReadAheadReport {
  /** Of the files timed first, how many were slower than a read from the page cache. */
  slowProbes: number;
  read: number;
  unreadable: number;
}

export interface ReadAheadOptions {
  /** Fewer files than this are read by the parse alone: a thread costs some 30 ms to start. */
  minFiles?: number;
  /** Files read at once: a disk with a queue serves several reads in little more time than one. */
  lanes?: number;
  /** Files timed to tell whether the export is in the page cache. */
  probes?: number;
  /** A file read through in more microseconds than this was not in the page cache. */
  cachedMicros?: number;
}

export interface ReadAhead {
  /** Stops the thread, wherever it is: call it when the parse is done. */
  stop(): void;
  /** Settles when the thread has read everything it meant to; never when it was stopped first, nor rejects. */
  finished: Promise<ReadAheadReport>;
}

/**
 * The program of the read-ahead thread. It first times the reading of a few files spread over the list: read
 * from the page cache a dump takes about 10 µs, from this machine's disk about 90. When most were slow, it reads
 * every file through once, in the order given, several at a time, into buffers that are thrown away; when most
 * were cached, it stops, because reading a cached export again costs a core for nothing.
 * Inline (`eval`), so that the compiled package and the TypeScript sources start the same thread without a file
 * of its own to find. Unreadable files are counted and skipped: the parse warns of them.
 */
const program = `
const { closeSync, openSync, readSync } = require('node:fs');
const { open } = require('node:fs/promises');
const { parentPort, workerData } = require('node:worker_threads');
const { paths, lanes, probes, cachedMicros } = workerData;
const report = { slowProbes: 0, read: 0, unreadable: 0 };
const buffer = Buffer.allocUnsafe(1 << 20);
for (let i = 0; i < Math.min(probes, paths.length); i++) {
  const started = performance.now();
  try {
    const fd = openSync(paths[Math.floor((i * paths.length) / probes)], 'r');
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  } catch {}
  if ((performance.now() - started) * 1000 > cachedMicros) report.slowProbes++;
}
let next = 0;
async function lane() {
  const own = Buffer.allocUnsafe(1 << 20);
  while (next < paths.length) {
    const path = paths[next++];
    let handle;
    try {
      handle = await open(path, 'r');
      while ((await handle.read(own, 0, own.length, null)).bytesRead > 0);
      report.read++;
    } catch {
      report.unreadable++;
    }
    await handle?.close().catch(() => {});
  }
}
const reading = report.slowProbes * 2 > Math.min(probes, paths.length) ? Array.from({ length: lanes }, lane) : [];
Promise.all(reading).then(() => parentPort.postMessage(report));
`;

/**
 * Reads files on a thread of its own, ahead of a parse that reads them one at a time, so that the parse finds
 * them in the kernel's page cache. Where an export is not cached (a fresh machine, a CI job's new checkout),
 * reading 35k dumps one at a time costs the parse some 2.5 s of waiting on the disk; a core the parse leaves
 * idle can pay that instead, reading several at a time.
 */
export function readAhead(paths: readonly string[], options: ReadAheadOptions = {}): ReadAhead {
  if (paths.length < (options.minFiles ?? 200)) {
    return { stop: () => {}, finished: Promise.resolve({ slowProbes: 0, read: 0, unreadable: 0 }) };
  }
  const workerData = {
    paths,
    lanes: options.lanes ?? 8,
    probes: options.probes ?? 32,
    cachedMicros: options.cachedMicros ?? 30,
  };
  const worker = new Worker(program, { eval: true, workerData });
  const finished = new Promise<ReadAheadReport>((resolve) => worker.once('message', resolve));
  // A thread that cannot start costs the parse only its head start: nothing to report.
  worker.on('error', () => {});
  worker.unref();
  return {
    stop: () => {
      void worker.terminate();
    },
    finished,
  };
}
