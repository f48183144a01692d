// Worker-thread entry of the site build: checks a checkout's content exactly as `npm run check` does
// (same files, same rules, same order) and posts back the printed report and the error count.
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndex, checkScope, checkSource, countMessages, createSpeller, formatHuman, readContentFiles, readProjectWords, sortMessages, type Message } from '#core';

/** What the worker posts back: `npm run check`'s human report and how many errors it lists. */
export interface ContentCheckResult {
  report: string;
  errors: number;
  /** Wall-clock seconds the check took on its thread. */
  seconds: number;
}

/** Checks all of `<root>/content` and returns the report `npm run check` prints. */
async function checkContent(root: string): Promise<ContentCheckResult> {
  const started = performance.now();
  const all = await readContentFiles(root);
  const index = buildIndex(all);
  const targets = all.filter((f) => checkScope(f.path) || f.path.endsWith('.md'));
  const speller = await createSpeller(await readProjectWords(root));
  const messages: Message[] = [];
  // One file at a time, its parse dropped once checked: the worker holds no trees.
  for (const source of targets) messages.push(...checkSource(source, index, { speller }));
  sortMessages(messages);
  return { report: formatHuman(messages, targets.length), errors: countMessages(messages).errors, seconds: (performance.now() - started) / 1000 };
}

const { root } = workerData as { root: string };
parentPort!.postMessage(await checkContent(root));
