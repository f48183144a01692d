// `npm run bench:triage`: runs the bot's issue dry run over the triage fixtures
// (test/fixtures/triage/*.json, each with its expected labels) and prints precision and recall
// of the page labels, plus agreement on type and flag labels. Exits 1 below 0.9.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const fixturesDir = 'test/fixtures/triage';
const pagePrefix = 'page: ';
const threshold = 0.9;

interface Fixture {
  file: string;
  expected: string[];
}

const files = (await readdir(fixturesDir)).filter((f) => f.endsWith('.json')).sort();
const fixtures: Fixture[] = [];
for (const f of files) {
  const data = JSON.parse(await readFile(join(fixturesDir, f), 'utf8')) as { expected_labels: string[] };
  fixtures.push({ file: join(fixturesDir, f), expected: data.expected_labels });
}

// The bot's own dry run, as a separate process: scripts/ does not import bot/.
const started = performance.now();
const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bot/dry-run-issue.ts', '--format', 'json', ...fixtures.flatMap((f) => ['--issue', f.file])], {
  maxBuffer: 64 * 1024 * 1024,
});
const elapsed = performance.now() - started;
const results = JSON.parse(stdout) as Array<{ file: string; labels: string[] }>;
const got = new Map(results.map((r) => [r.file, r.labels]));

let tp = 0;
let fp = 0;
let fn = 0;
let exact = 0;
let otherAgree = 0;
const misses: string[] = [];
for (const f of fixtures) {
  const labels = got.get(f.file) ?? [];
  const want = new Set(f.expected.filter((l) => l.startsWith(pagePrefix)));
  const have = new Set(labels.filter((l) => l.startsWith(pagePrefix)));
  for (const l of have) (want.has(l) ? tp++ : fp++);
  for (const l of want) if (!have.has(l)) fn++;
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const others = (ls: string[]) => ls.filter((l) => !l.startsWith(pagePrefix));
  if (sameSet(labels, f.expected)) exact++;
  if (sameSet(others(labels), others(f.expected))) otherAgree++;
  if (!sameSet(labels, f.expected)) misses.push(`  ${f.file}: got [${labels.join(', ')}], expected [${f.expected.join(', ')}]`);
}

const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
console.log(`Triage of ${fixtures.length} fixture issues (${fixturesDir})`);
console.log(`page labels: precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall ${recall.toFixed(3)} (${tp}/${tp + fn})`);
console.log(`type and flag labels (feedback, proposal, needs info, needs triage…) as expected: ${otherAgree}/${fixtures.length}`);
console.log(`all labels exactly as expected: ${exact}/${fixtures.length}`);
console.log(`dry run of all fixtures in one process: ${elapsed.toFixed(0)} ms (${(elapsed / fixtures.length).toFixed(1)} ms per issue, startup included)`);
if (misses.length) console.log(`differences:\n${misses.join('\n')}`);
if (precision < threshold || recall < threshold) {
  console.error(`Below the ${threshold} target`);
  process.exitCode = 1;
}
