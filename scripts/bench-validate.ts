// `npm run bench:validate`: how fast the validator is on 1,000 and 4,000 generated stakeholder
// files, measured side by side in one run (each size in its own child process, so peak memory is
// per size): bare remark parse, full cold check (batched as the CLI runs it, and file by file),
// index build, one changed file, peak RSS.
// Each timing is CPU time, the best of a few rounds (parse and check alternate, every check starts
// from a new index and speller), so a busy machine disturbs both sides alike.
// `-- --rounds N` changes the number of rounds (default 5: on a shared machine one slow round is
// common, and the best of five is steadier than the best of three); `-- --size N --by-rule`
// prints the CPU time of each rule over N generated files instead, to see where the time goes.
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  buildIndex,
  checkParsed,
  checkSource,
  checkSources,
  createSpeller,
  parseFile,
  parseMarkdown,
  readContentFiles,
  readProjectWords,
  rules,
  updateIndex,
  workStreamSlugs,
  type SourceFile,
} from '#core';

const sizes = [1000, 4000];
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 5) : 5;
const targets = { overheadPercent: 30, indexMs: 1000, oneFileMs: 50 };

/** A small deterministic random generator, so every run measures the same files. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Sentences of the project's own content, the raw material for realistic generated files. */
function sentencesOf(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (!f.path.endsWith('.md')) continue;
    const text = Buffer.from(f.content).toString('utf8');
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const s of body.split(/(?<=[.!?])\s+/)) {
      const clean = s.replace(/\s+/g, ' ').trim();
      if (/^[A-Z][^#|*>`[\]]{30,200}[.]$/.test(clean)) out.push(clean);
    }
  }
  return out;
}

/**
 * `count` stakeholder files shaped like the real ones (about 3 KB: some 28 list items of 6 to 12
 * words, two-sentence value propositions, a body of two short paragraphs), with prose drawn from
 * the project's own sentences.
 */
function generate(count: number, sentences: string[], actionAreas: string[], terms: string[], icons: string[]): SourceFile[] {
  const rnd = random(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const sentence = () => pick(sentences).replace(/:/g, ',');
  const clause = () => {
    const words = sentence().replace(/\.$/, '').split(' ');
    return words.slice(0, 6 + Math.floor(rnd() * 7)).join(' ').replace(/[,;]$/, '');
  };
  const files: SourceFile[] = [];
  for (let i = 0; i < count; i++) {
    const slug = `generated-${String(i).padStart(5, '0')}`;
    const lines = ['---', `name: Generated Stakeholder ${i}`, `order: ${i + 20}`, `icon: ${pick(icons)}`, 'icon_alt: A simple drawing', 'examples:'];
    for (let k = 0; k < 2 + (i % 3); k++) lines.push(`  - ${clause()}`);
    lines.push('work_streams:');
    for (const s of workStreamSlugs) {
      lines.push(`  ${s}:`);
      for (let k = 0; k < 2 + (i % 2); k++) lines.push(`    - ${clause()}`);
    }
    lines.push('action_areas:');
    for (const a of actionAreas.slice(0, 1 + (i % 4))) {
      lines.push(`  ${a}:`);
      for (let k = 0; k < 1 + (i % 2); k++) lines.push(`    - ${clause()}`);
    }
    for (const kind of ['business_case', 'social_case']) {
      lines.push(`${kind}:`);
      for (let k = 0; k < 2 + (i % 2); k++) lines.push(`  - title: ${clause().split(' ').slice(0, 5).join(' ')}`, `    description: ${sentence()}`);
    }
    lines.push('related_terms:');
    for (let k = 0; k < 3; k++) lines.push(`  - ${terms[(i + k * 7) % terms.length]}`);
    lines.push('---');
    lines.push(`${sentence()} ${sentence()}`, '');
    lines.push(`${sentence()} See the [glossary](/glossary/#${pick(terms)}).`, '');
    files.push({ path: `content/stakeholders/${slug}.md`, content: lines.join('\n') });
  }
  return files;
}

/**
 * Time is the process's CPU time (user + system, all its threads), not the wall clock: on a
 * shared machine other processes stretch wall time at random, while CPU time stays with the work.
 */
const now = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const ms = (start: number) => now() - start;
const mb = () => process.resourceUsage().maxRSS / 1024;

interface Result {
  size: number;
  parseMs: number;
  parseFileMs: number;
  speller: number;
  indexMs: number;
  checkMs: number;
  fileByFileMs: number;
  messages: number;
  oneFileMs: number;
  oneFileMaxMs: number;
  peakMb: number;
  bytes: number;
}

/** Measures one size in this process and returns the numbers. */
async function measure(size: number): Promise<Result> {
  const root = process.cwd();
  const real = await readContentFiles(root);
  const byType = (folder: string) => real.filter((f) => f.path.startsWith(`content/${folder}/`) && f.path.endsWith('.md')).map((f) => f.path.split('/').pop()!.slice(0, -3));
  const icons = real.filter((f) => f.path.startsWith('content/icons/')).map((f) => f.path.split('/').pop()!);
  const generated = generate(size, sentencesOf(real), byType('action-areas'), byType('glossary'), icons);
  const all = [...real, ...generated];
  const bytes = generated.reduce((n, f) => n + (f.content as string).length, 0);

  const words = await readProjectWords(root);
  let start = now();
  let speller = await createSpeller(words);
  const spellerMs = ms(start);

  // Warm-up: the same 200 files through both paths, so neither pays for the JIT alone.
  const warm = generate(200, sentencesOf(real), byType('action-areas'), byType('glossary'), icons).map((f) => ({ ...f, path: f.path.replace('generated', 'warm') }));
  for (const f of warm) parseMarkdown(f.content as string);
  const warmIndex = buildIndex([...real, ...warm]);
  checkSources(warm, warmIndex, { speller });
  for (const f of warm) checkParsed(parseFile(f), warmIndex, { speller });

  let parseMs = Infinity;
  let parseFileMs = Infinity;
  let indexMs = Infinity;
  let checkMs = Infinity;
  let fileByFileMs = Infinity;
  let messages = 0;
  for (let round = 0; round < rounds; round++) {
    start = now();
    for (const f of generated) parseMarkdown(f.content as string);
    parseMs = Math.min(parseMs, ms(start));

    // The validator's own parse: the same remark parse plus the YAML front matter with positions.
    start = now();
    for (const f of generated) parseFile(f);
    parseFileMs = Math.min(parseFileMs, ms(start));

    start = now();
    buildIndex(all);
    indexMs = Math.min(indexMs, ms(start));

    // Cold: a new speller (its word cache empty) and a new index (rule caches empty); checked
    // as `npm run check` and the site build check many files (checkSources: in batches).
    speller = await createSpeller(words);
    start = now();
    const coldIndex = buildIndex(all);
    messages = checkSources(generated, coldIndex, { speller }).reduce((n, found) => n + found.length, 0);
    checkMs = Math.min(checkMs, ms(start));

    // The same cold check one file at a time (parse, check, next file), to show what batching saves.
    speller = await createSpeller(words);
    start = now();
    const coldIndexToo = buildIndex(all);
    for (const f of generated) checkParsed(parseFile(f), coldIndexToo, { speller });
    fileByFileMs = Math.min(fileByFileMs, ms(start));
  }
  const index = buildIndex(all);

  // One changed file, as in a pull request: update the index, check the file against it.
  const times: number[] = [];
  for (let run = 0; run < 21; run++) {
    const target = generated[(run * 97) % generated.length]!;
    const changed = { path: target.path, content: `${target.content as string}\nOne more sentence, number ${run}.\n` };
    start = now();
    const updated = updateIndex(index, [changed]);
    checkSource(changed, updated, { speller });
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  return { size, parseMs, parseFileMs, speller: spellerMs, indexMs, checkMs, fileByFileMs, messages, oneFileMs: times[10]!, oneFileMaxMs: times.at(-1)!, peakMb: mb(), bytes };
}

function table(results: Result[]): string {
  const row = (label: string, f: (r: Result) => string) => `${label.padEnd(44)}${results.map((r) => f(r).padStart(14)).join('')}`;
  const pct = (r: Result) => ((r.checkMs - r.parseMs) / r.parseMs) * 100;
  const rulesPct = (r: Result) => ((r.checkMs - r.parseFileMs) / r.parseFileMs) * 100;
  return [
    row('files', (r) => r.size.toLocaleString('en-US')),
    row('generated text (MB)', (r) => (r.bytes / 1e6).toFixed(1)),
    row('bare remark parse (ms)', (r) => r.parseMs.toFixed(0)),
    row('remark + YAML front matter with positions (ms)', (r) => r.parseFileMs.toFixed(0)),
    row('full cold check: index + parse + rules (ms)', (r) => r.checkMs.toFixed(0)),
    row('  messages found', (r) => String(r.messages)),
    row(`  over bare remark parse (target ≤ ${targets.overheadPercent}%)`, (r) => `${pct(r).toFixed(0)}%`),
    row('  rules + index over remark + YAML parse', (r) => `${rulesPct(r).toFixed(0)}%`),
    row('  check ÷ bare remark parse', (r) => `${(r.checkMs / r.parseMs).toFixed(2)}×`),
    row('the same check one file at a time (ms)', (r) => `${r.fileByFileMs.toFixed(0)} (${(r.fileByFileMs / r.parseMs).toFixed(2)}×)`),
    row(`front-matter index build (ms, target < ${targets.indexMs})`, (r) => r.indexMs.toFixed(0)),
    row(`one changed file vs index (ms, target < ${targets.oneFileMs})`, (r) => `${r.oneFileMs.toFixed(1)} (max ${r.oneFileMaxMs.toFixed(0)})`),
    row('speller load, once per process (ms)', (r) => r.speller.toFixed(0)),
    row('peak memory, RSS (MB)', (r) => r.peakMb.toFixed(0)),
    '',
    `targets: overhead ≤ ${targets.overheadPercent}%: ${results.map((r) => (pct(r) <= targets.overheadPercent ? 'met' : 'NOT met')).join(' / ')}; ` +
      `index < ${targets.indexMs} ms: ${results.map((r) => (r.indexMs < targets.indexMs ? 'met' : 'NOT met')).join(' / ')}; ` +
      `one file < ${targets.oneFileMs} ms: ${results.map((r) => (r.oneFileMs < targets.oneFileMs ? 'met' : 'NOT met')).join(' / ')}`,
  ].join('\n');
}

/** CPU time of each rule alone over `size` generated files (parsed once), slowest first. */
async function byRule(size: number): Promise<string> {
  const real = await readContentFiles(process.cwd());
  const byType = (folder: string) => real.filter((f) => f.path.startsWith(`content/${folder}/`) && f.path.endsWith('.md')).map((f) => f.path.split('/').pop()!.slice(0, -3));
  const icons = real.filter((f) => f.path.startsWith('content/icons/')).map((f) => f.path.split('/').pop()!);
  const generated = generate(size, sentencesOf(real), byType('action-areas'), byType('glossary'), icons);
  const index = buildIndex([...real, ...generated]);
  const speller = await createSpeller(await readProjectWords(process.cwd()));
  const parsed = generated.map((f) => parseFile(f));
  const times = rules.map((rule) => {
    const start = now();
    for (const file of parsed) checkParsed(file, index, { speller, rules: [rule] });
    return [rule.id, ms(start)] as const;
  });
  return times
    .sort((a, b) => b[1] - a[1])
    .map(([id, t]) => `${id.padEnd(24)}${t.toFixed(0).padStart(8)} ms`)
    .join('\n');
}

const sizeArg = process.argv.indexOf('--size');
if (sizeArg >= 0 && process.argv.includes('--by-rule')) {
  console.log(await byRule(Number(process.argv[sizeArg + 1])));
} else if (sizeArg >= 0) {
  console.log(JSON.stringify(await measure(Number(process.argv[sizeArg + 1]))));
} else {
  const self = fileURLToPath(import.meta.url);
  const results = sizes.map((size) => {
    const out = execFileSync(process.execPath, [...process.execArgv, self, '--size', String(size), '--rounds', String(rounds)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
  });
  console.log(
    `Validator benchmark (Node ${process.version}; each size in a fresh process after a 200-file warm-up; CPU time, best of ${rounds} rounds; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)\n`,
  );
  console.log(table(results));
}
