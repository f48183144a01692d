// Starts the content check on a worker thread, so it runs on the second core while Eleventy renders.
import { Worker } from 'node:worker_threads';
import type { ContentCheckResult } from './content-check-worker.ts';

export type { ContentCheckResult };

// tsx's hooks from --import do not reach worker threads: the worker registers them, then loads its entry.
const bootstrap = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};\n` +
      `register();\n` +
      `await import(${JSON.stringify(new URL('./content-check-worker.ts', import.meta.url).href)});\n`,
  )}`,
);

/** Checks `<root>/content` on a worker thread; resolves with `npm run check`'s report and error count. */
export function checkContentInWorker(root: string): Promise<ContentCheckResult> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(bootstrap, { workerData: { root } });
    let result: ContentCheckResult | undefined;
    worker.once('message', (message: ContentCheckResult) => {
      result = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolvePromise(result);
      else reject(new Error(`the content check stopped (exit code ${code}) without a report`));
    });
  });
}
