// `--fix` and the machine formats through the real CLI: fixed files re-check clean of fixable
// problems; JSON and GitHub annotations carry the same messages as the human output.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseCheckout, checkIn, repo } from './run-check.ts';

const fixtures = join(repo, 'test/fixtures/rules');
/** Single-file not-ok fixtures of fixable rules, copied in as content/pages/<rule>.md. */
const fixablePages = ['a-an', 'byte-order-mark', 'double-space', 'invisible-character', 'line-endings', 'no-html-entity', 'trailing-whitespace'];
/** Fixture files of fixable rules that need their own content path. */
const fixableFiles = [
  ['key-order', 'content/pages/page.md'],
  ['work-stream-order', 'content/stakeholders/employers.md'],
  ['https-only', 'content/resources/guide.md'],
  ['quote-marks', 'content/pages/quotes.md'],
];

interface JsonOutput {
  files: number;
  errors: number;
  warnings: number;
  messages: { ruleId: string; severity: string; file: string; line: number; column: number; reason: string; fix?: unknown[] }[];
}

async function fixableCheckout(): Promise<string> {
  const dir = await baseCheckout();
  for (const rule of fixablePages) await cp(join(fixtures, rule, 'not-ok.md'), join(dir, 'content/pages', `${rule}.md`));
  for (const [rule, path] of fixableFiles) {
    await mkdir(dirname(join(dir, path!)), { recursive: true });
    await cp(join(fixtures, rule!, 'not-ok', path!), join(dir, path!));
  }
  return dir;
}

describe('npm run check -- --fix', () => {
  let dir: string;
  let before: JsonOutput;
  let fixRun: Awaited<ReturnType<typeof checkIn>>;
  let after: JsonOutput;

  beforeAll(async () => {
    dir = await fixableCheckout();
    before = JSON.parse((await checkIn(dir, '--format', 'json')).stdout) as JsonOutput;
    fixRun = await checkIn(dir, '--fix');
    after = JSON.parse((await checkIn(dir, '--format', 'json')).stdout) as JsonOutput;
  });

  it('starts from files with fixable problems of every fixable kind copied in', () => {
    const fixableRules = new Set(before.messages.filter((m) => m.fix).map((m) => m.ruleId));
    for (const rule of [...fixablePages, ...fixableFiles.map(([r]) => r!)]) expect(fixableRules, rule).toContain(rule);
  });

  it('applies the fixes and says how many', () => {
    expect(fixRun.stderr).toBe('');
    expect(fixRun.stdout).toMatch(/^\d+ fix(es)? applied; words can be added to content\/\.words\.txt$/m);
    expect(Number(/^(\d+) fix/m.exec(fixRun.stdout)![1])).toBeGreaterThanOrEqual(before.messages.filter((m) => m.fix).length);
  });

  it('leaves no fixable problem behind, and no new kind of problem', () => {
    expect(after.messages.filter((m) => m.fix)).toEqual([]);
    const kinds = new Set(before.messages.map((m) => `${m.file} ${m.ruleId}`));
    expect(after.messages.filter((m) => !kinds.has(`${m.file} ${m.ruleId}`))).toEqual([]);
  });

  it('writes the fixed text', async () => {
    const bom = await readFile(join(dir, 'content/pages/byte-order-mark.md'));
    expect([...bom.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(await readFile(join(dir, 'content/pages/line-endings.md'), 'utf8')).not.toContain('\r');
    expect(await readFile(join(dir, 'content/pages/no-html-entity.md'), 'utf8')).toContain('Research & development today, it’s &lt;here&gt;');
    expect(await readFile(join(dir, 'content/pages/page.md'), 'utf8')).toBe('---\ntitle: Fixture\ndescription: A page.\norder: 2\n---\nText.\n');
    const stakeholder = await readFile(join(dir, 'content/stakeholders/employers.md'), 'utf8');
    expect(stakeholder.indexOf('  issuing:')).toBeLessThan(stakeholder.indexOf('  using:'));
    expect(await readFile(join(dir, 'content/resources/guide.md'), 'utf8')).toContain('url: https://www.openbadges.org/another');
  });
});

describe('npm run check -- --format', () => {
  let dir: string;
  let human: Awaited<ReturnType<typeof checkIn>>;
  let json: Awaited<ReturnType<typeof checkIn>>;
  let github: Awaited<ReturnType<typeof checkIn>>;

  beforeAll(async () => {
    dir = await baseCheckout();
    await writeFile(join(dir, 'content/pages/typo.md'), '---\ntitle: Fixture\ndescripton: A page.\nrate%: 50\n---\nTwo  spaces, 50% done: a list, with "quotes".\n');
    human = await checkIn(dir);
    json = await checkIn(dir, '--format', 'json');
    github = await checkIn(dir, '--format', 'github');
  });

  it('prints the same messages in each format, with the same exit code', () => {
    const parsed = JSON.parse(json.stdout) as JsonOutput;
    expect(parsed.files).toBe(18);
    expect(parsed.errors).toBe(3);
    expect(parsed.warnings).toBe(1);
    const lines = human.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(parsed.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.severity} ${m.reason} [${m.ruleId}]`));
    expect(lines.at(-1)).toBe('✖ 3 errors and 1 warning in 1 file of 18 checked (1 fixable with --fix)');
    expect([human.code, json.code, github.code]).toEqual([1, 1, 1]);
  });

  it('writes GitHub workflow commands, escaping % in the text', () => {
    const lines = github.stdout.trim().split('\n');
    expect(lines).toEqual([
      '::error file=content/pages/typo.md,line=1,col=1,endLine=1,endColumn=4,title=required-key::Missing key "description", expected it to be filled in',
      '::error file=content/pages/typo.md,line=3,col=1,endLine=3,endColumn=11,title=unknown-key::Unexpected key "descripton", expected "description"',
      '::error file=content/pages/typo.md,line=4,col=1,endLine=4,endColumn=6,title=unknown-key::Unexpected key "rate%25", expected one of "title", "description", "order"',
      '::warning file=content/pages/typo.md,line=6,col=4,endLine=6,endColumn=6,title=double-space::Unexpected 2 spaces, expected 1',
      '✖ 3 errors and 1 warning in 1 file of 18 checked (1 fixable with --fix)',
    ]);
  });

  it('rejects an unknown format with a plain message', async () => {
    const bad = await checkIn(dir, '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('Unexpected --format "xml", expected "human", "json" or "github"');
  });
});
