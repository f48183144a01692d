// `npm run bench:site`: the site build at scale. Generates 1,000 and 4,000 stakeholder-like records
// in temporary checkouts and prints, side by side from one run on one machine: the full build
// (content check + Eleventy site) against a bare Eleventy build of the same markdown, Pagefind's
// time, and peak memory; then the home page's transfer size (HTML + CSS + JS, gzip).
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = [1000, 4000];
const repeats = 2;
const targets = { ratio: 1.5, peakMb: 1024, homeKb: 100 };

/** A stakeholder record like the real ones: every field filled, prose in dictionary words. */
function stakeholder(i: number, icons: string[]): string {
  const n = String(i).padStart(4, '0');
  const line = (what: string) => `    - ${what} for group ${n}, with partners in education and work`;
  return `---
name: Example Group ${n}
order: ${100 + i}
icon: ${icons[i % icons.length]}
icon_alt: An icon for example group ${n}
examples:
  - Local training providers in region ${n}
  - Public agencies that serve region ${n}
work_streams:
  developing:
${line('Join research and pilots')}
${line('Describe the skills each role needs')}
  issuing:
${line('Issue verifiable records')}
  using:
${line('Accept records in applications')}
${line('Use skills data to find candidates')}
  adopting:
${line('Write job postings around skills')}
action_areas:
  promoting-adoption:
${line('Share results from pilots')}
  building-employer-demand:
${line('Commit in public to skills-based hiring')}
  gathering-data-on-impact:
${line('Track time to hire and retention')}
business_case:
  - title: Faster hiring in region ${n}
    description: Verified records can be checked in seconds, which shortens the time it takes to fill a role.
  - title: A wider pool of candidates
    description: Looking at skills brings in capable people who might otherwise be screened out.
social_case:
  - title: Fair chances based on skills
    description: Skills-based hiring gives people from many backgrounds a fair way to compete for jobs.
  - title: Recognition of learning at work
    description: Workers can carry the recognition of their training with them to their next role.
related_terms:
  - verifiable-credential
  - skill
---
Example group ${n} is a stakeholder generated for the site benchmark. It hires people, trains them, and issues records of what they learned, so that each learner can share a verifiable credential with the next employer.

For this group, Learning and Employment Records offer a faster and more reliable way to understand what candidates and staff can do, and an issuer can sign each record so that a verifier can check it.
`;
}

interface Measured {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system) of the process tree: steadier than wall time on a busy machine. */
  cpu: number;
  peakMb: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time: wall-clock seconds and the peak resident memory of its process tree's largest process. */
async function measure(args: string[], env: Record<string, string> = {}): Promise<Measured> {
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'BENCH %e %M %U %S', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const m = /BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  if (!m) throw new Error(`no timing from ${args.join(' ')}:\n${stderr}`);
  return { seconds: Number(m[1]), peakMb: Number(m[2]) / 1024, cpu: Number(m[3]) + Number(m[4]), stdout };
}

/** The best (fastest) of a few runs; memory is the highest seen. */
async function best(times: number, fn: () => Promise<Measured>): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < times; i++) runs.push(await fn());
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...fastest, peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

async function generate(n: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `ler-bench-${n}-`));
  await cp(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  const icons = ['employers.svg', 'funders.svg', 'governance.svg', 'hr-systems.svg', 'career-navigators.svg'];
  await Promise.all(Array.from({ length: n }, (_, i) => writeFile(join(root, 'content/stakeholders', `example-group-${String(i).padStart(4, '0')}.md`), stakeholder(i, icons))));
  await writeFile(join(root, 'bare.config.mjs'), '// A bare Eleventy: no configuration at all.\nexport default function () {}\n');
  return root;
}

const tsx = import.meta.resolve('tsx');
const self = fileURLToPath(import.meta.url);

/** The bare Eleventy build: default configuration, every markdown file of content/ (run as a child). */
async function bareBuild(root: string, output: string): Promise<void> {
  const { default: Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(join(root, 'content'), output, { quietMode: true, configPath: join(root, 'bare.config.mjs') });
  await eleventy.write();
}

/** Gzipped bytes of the home page and the CSS and JS it loads. */
async function homePageSize(siteDir: string): Promise<{ files: string[]; raw: number; gzip: number }> {
  const html = await readFile(join(siteDir, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]!);
  const files = ['index.html', ...assets.map((a) => a.replace(/^\//, ''))];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = await readFile(join(siteDir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

const fmt = (s: number) => `${s.toFixed(2)} s`;
const mb = (m: number) => `${Math.round(m)} MB`;

async function main(): Promise<void> {
  console.log(`Site benchmark: best of ${repeats} runs each, one after another on this machine (${process.version}).`);
  console.log('full build = `scripts/build.ts` (read, parse and check content through core, then Eleventy) without Pagefind;');
  console.log('bare = Eleventy with no configuration over the same markdown files; Pagefind timed over the full build.\n');
  const rows: string[][] = [['records', 'bare Eleventy', 'full build', 'ratio (wall, cpu)', 'full: check | site', 'Pagefind', 'peak memory']];
  const verdicts: string[] = [];
  for (const n of sizes) {
    const root = await generate(n);
    try {
      const bare = await best(repeats, () =>
        measure([process.execPath, '--import', tsx, self, '--bare', root, join(root, '_bare')]),
      );
      const full = await best(repeats, () =>
        measure([process.execPath, '--import', tsx, 'scripts/build.ts', '--output', join(root, '_site')], { CONTENT_ROOT: root, SEARCH_INDEX: 'off' }),
      );
      const pagefind = await best(repeats, () =>
        measure([process.execPath, '--import', tsx, '-e', `import(${JSON.stringify(pathToFileURL(join(repoRoot, 'site/_config/search-index.ts')).href)}).then((m) => m.buildSearchIndex(${JSON.stringify(join(root, '_site'))}))`]),
      );
      const phases = /content ([\d.]+) s, site ([\d.]+) s; cpu: content ([\d.]+) s, site ([\d.]+) s/.exec(full.stdout);
      const ratio = full.seconds / bare.seconds;
      const cpuRatio = full.cpu / bare.cpu;
      const peak = Math.max(full.peakMb, pagefind.peakMb);
      rows.push([
        String(n),
        `${fmt(bare.seconds)} (cpu ${fmt(bare.cpu)}), ${mb(bare.peakMb)}`,
        `${fmt(full.seconds)} (cpu ${fmt(full.cpu)}), ${mb(full.peakMb)}`,
        `${ratio.toFixed(2)}×, ${cpuRatio.toFixed(2)}×`,
        phases ? `${phases[1]} s | ${phases[2]} s (cpu ${phases[3]} | ${phases[4]})` : '?',
        `${fmt(pagefind.seconds)}, ${mb(pagefind.peakMb)}`,
        mb(peak),
      ]);
      const siteCpu = phases ? Number(phases[4]) : NaN;
      verdicts.push(
        `${n} records: full build ${ratio.toFixed(2)}× bare Eleventy in wall time, ${cpuRatio.toFixed(2)}× in CPU time (target ≤ ${targets.ratio}×: ${ratio <= targets.ratio ? 'met' : 'NOT met'}); ` +
          `peak ${mb(peak)} (target < ${targets.peakMb} MB: ${peak < targets.peakMb ? 'met' : 'NOT met'}); ` +
          `with Pagefind ${fmt(full.seconds + pagefind.seconds)} in all; ` +
          `the site phase alone (Eleventy and rendering, after the content check) uses ${(siteCpu / bare.cpu).toFixed(2)}× the CPU of the whole bare build process`,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log('');
  for (const v of verdicts) console.log(v);

  // The home page of the real content, as built for readers.
  const out = await mkdtemp(join(tmpdir(), 'ler-bench-home-'));
  try {
    await mkdir(out, { recursive: true });
    await run(process.execPath, ['--import', tsx, 'scripts/build.ts', '--output', out], { cwd: repoRoot, env: { ...process.env, SEARCH_INDEX: 'off' } });
    const home = await homePageSize(out);
    console.log(
      `\nHome page: ${home.files.join(' + ')} = ${(home.raw / 1024).toFixed(1)} kB, ${(home.gzip / 1024).toFixed(1)} kB gzip ` +
        `(target < ${targets.homeKb} kB: ${home.gzip / 1024 < targets.homeKb ? 'met' : 'NOT met'})`,
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--bare') {
  await bareBuild(process.argv[3]!, process.argv[4]!);
} else if (process.argv[2] === '--generate') {
  // For profiling: leaves a generated checkout and prints its path.
  console.log(await generate(Number(process.argv[3] ?? 1000)));
} else {
  await main();
}
