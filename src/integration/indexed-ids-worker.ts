// A thread that reads the ids of a kept search index's pages (`readIndexedIdsOnThread`), while the build renders.
import { parentPort, workerData } from 'node:worker_threads';
import { readIndexedIds } from './indexed-pages.ts';

parentPort?.postMessage([...readIndexedIds(workerData as string)]);
