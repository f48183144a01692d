// The measurements behind `npm run bench:bot` (run by scripts/bench-bot.ts, which does not import
// bot/): API calls per pull request event against the budget 6 + ⌈changed content files / 50⌉,
// their independence from the repository's size, and p50/p95 handling time per event for 1-,
// 20- and 200-file pull requests against the fake GitHub with 20 ms added to every request.
import type { FileChanges } from '../fake-github/index.ts';
import { callBudget, eventCalls, projectContent, startScenario } from './content-repo.ts';

const latencyMs = 20;
const eventsPerSize = Number(process.env.BENCH_EVENTS ?? 20);

const term = (i: number, body: string) => `---\nterm: Example term ${i}\nrelated:\n  - issuer\n---\n${body}\n`;
const valid = (i: number, round: number) => term(i, `A term made for measuring the bot, number ${i}, edit ${round}.`);
// A fixable problem (two spaces) and one that is not (raw HTML): a comment, a review and label changes.
const broken = (i: number, round: number) => term(i, `A term made for  measuring the bot, number ${i}, edit ${round}. <b>Bold</b>`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Measured {
  files: number;
  budget: number;
  firstCalls: number;
  firstSetupCalls: number;
  firstMs: number;
  calls: number[];
  ms: number[];
}

/** One pull request of `size` new glossary terms, opened, then pushed to `eventsPerSize` times. */
async function measure(size: number, extraBaseFiles = 0): Promise<Measured> {
  const extra: FileChanges = {};
  for (let i = 0; i < extraBaseFiles; i++) extra[`content/glossary/bulk-term-${i}.md`] = `---\nterm: Bulk term ${i}\nrelated:\n  - issuer\n---\nA term that makes the repository larger, number ${i}.\n`;
  const s = await startScenario({ latencyMs, extraFiles: extra });
  try {
    const changes: FileChanges = {};
    for (let i = 1; i <= size; i++) changes[`content/glossary/example-term-${i}.md`] = valid(i, 0);
    const pr = s.openPullRequest(changes, { branch: 'bench' });
    let t = performance.now();
    await s.send(pr, 'opened');
    const firstMs = performance.now() - t;
    const firstAll = s.fake.apiRequests.length;
    const firstCalls = eventCalls(s.fake).length;
    const calls: number[] = [];
    const ms: number[] = [];
    for (let round = 1; round <= eventsPerSize; round++) {
      const before = pr.pull!.headSha;
      // Odd pushes break one file, even pushes fix it: check, comment, labels and review all change.
      const i = 1 + (round % size);
      s.fake.state.push(s.repo, 'bench', { [`content/glossary/example-term-${i}.md`]: round % 2 ? broken(i, round) : valid(i, round) });
      s.fake.clearLog();
      t = performance.now();
      const res = await s.send(pr, 'synchronize', { before });
      ms.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`event ${round} failed with ${res.status}: ${res.body}`);
      calls.push(eventCalls(s.fake).length);
    }
    if (s.fake.violations.length) throw new Error(`the fake GitHub rejected requests:\n${s.fake.violations.join('\n')}`);
    return { files: size, budget: callBudget(size), firstCalls, firstSetupCalls: firstAll - firstCalls, firstMs, calls, ms };
  } finally {
    await s.stop();
  }
}

const pad = (v: string | number, n: number) => String(v).padStart(n);

console.log(`Content check: API calls and handling time per pull request event (fake GitHub, +${latencyMs} ms per request, ${eventsPerSize} events per size after the first)\n`);
console.log(`${'files'.padStart(5)} ${'budget'.padStart(6)} ${'calls max'.padStart(9)} ${'calls/budget'.padStart(12)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} | ${'first event: calls (+ one-time setup)'.padStart(37)} ${'ms'.padStart(6)}`);
let overBudget = false;
for (const size of [1, 20, 200]) {
  const m = await measure(size);
  const max = Math.max(...m.calls);
  overBudget ||= max > m.budget || m.firstCalls > m.budget;
  console.log(
    `${pad(m.files, 5)} ${pad(m.budget, 6)} ${pad(max, 9)} ${pad((max / m.budget).toFixed(2), 12)} ${pad(percentile(m.ms, 50).toFixed(0), 7)} ${pad(percentile(m.ms, 95).toFixed(0), 7)} | ${pad(`${m.firstCalls} (+ ${m.firstSetupCalls})`, 37)} ${pad(m.firstMs.toFixed(0), 6)}`,
  );
}
console.log('\n"calls" count every REST and GraphQL request of an event; the one-time setup of a repository or process (the installation');
console.log('token, creating the labels) is shown apart. The base tarball is downloaded once per base commit, in the first event.\n');

console.log('Independence from the repository size (20-file pull request, events after the first):\n');
console.log(`${'content files on main'.padStart(21)} ${'calls max'.padStart(9)} ${'calls min'.padStart(9)} ${'p50 ms'.padStart(7)} ${'first event ms'.padStart(14)}`);
const projectFiles = Object.keys(await projectContent()).length;
const rows: { files: number; max: number; min: number }[] = [];
for (const extra of [0, 1000, 5000]) {
  const m = await measure(20, extra);
  const row = { files: projectFiles + extra, max: Math.max(...m.calls), min: Math.min(...m.calls) };
  rows.push(row);
  console.log(`${pad(row.files, 21)} ${pad(row.max, 9)} ${pad(row.min, 9)} ${pad(percentile(m.ms, 50).toFixed(0), 7)} ${pad(m.firstMs.toFixed(0), 14)}`);
}
const same = rows.every((r) => r.max === rows[0]!.max && r.min === rows[0]!.min);
console.log(`\nCalls per event ${same ? 'are the same' : 'DIFFER'} for ${rows.map((r) => r.files).join(', ')} content files.`);
if (overBudget || !same) {
  console.log('Budget exceeded or calls depend on the repository size.');
  process.exitCode = 1;
}
