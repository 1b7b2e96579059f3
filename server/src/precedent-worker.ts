/**
 * The first read of a precedent library (27 editions parsed, 26 pairs diffed: seconds) runs in a
 * worker thread, so the server's own thread keeps answering hovers and keystrokes meanwhile. The
 * worker is this same bundle started with `workerData`; it writes the index to the cache and
 * ends, and the server then reads the index (a fraction of a second). Where no worker can run
 * (the sources run unbundled, as in unit tests), the server reads the library in turns itself.
 */
import { Worker, parentPort } from 'node:worker_threads';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { loadPrecedents } from '../../language/src/history/precedent-library.js';

export interface IndexJob {
    folder: string;
    cacheDir: string;
}

type WorkerMessage = { kind: 'progress'; done: number; total: number; what: string } | { kind: 'done' } | { kind: 'failed'; message: string };

/** Builds the folder's index in a worker; resolves once it is written, rejects when the worker could not do it. */
export function buildIndexInWorker(job: IndexJob, progress: (done: number, total: number, what: string) => void): Promise<void> {
    if (!__filename.endsWith('.cjs')) return Promise.reject(new Error('no bundled server to run a worker from'));
    return new Promise((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { cldPrecedentIndex: job } });
        worker.on('message', (message: WorkerMessage) => {
            if (message.kind === 'progress') progress(message.done, message.total, message.what);
            else if (message.kind === 'done') resolve();
            else reject(new Error(message.message));
        });
        worker.on('error', reject);
        worker.on('exit', code => reject(new Error(`the indexing worker stopped (exit code ${code})`)));
    });
}

/** The worker's side: read the library, write its index, say so. */
export function runIndexWorker(job: IndexJob): void {
    const post = (message: WorkerMessage) => parentPort?.postMessage(message);
    try {
        loadPrecedents(createCldCoreServices().Cld, job.folder, { cacheDir: job.cacheDir, progress: (done, total, what) => post({ kind: 'progress', done, total, what }) });
        post({ kind: 'done' });
    } catch (e) {
        post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
}
