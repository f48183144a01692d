// `npm run import` as a maintainer runs it: real process, the fixture checkouts, exact files and report.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, script, temporaryDirectories } from './legacy-fixtures.ts';

const temporary = temporaryDirectories();

/** Every file under a folder, as path (relative, forward slashes) → text. */
async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.set(relative(dir, full).split(sep).join('/'), await readFile(full, 'utf8'));
    }
  };
  await walk(dir);
  return out;
}

/** Imports a fixture into `<temp>/content`, as a maintainer adopting the project would. */
async function importFixture(name: string, ...args: string[]) {
  const dir = await temporary(`ler-import-${name}-`);
  const result = await script('import.ts', dir, [join(fixtures, name), '--out', 'content', ...args]);
  return { dir, ...result };
}

describe.each(['map', 'broken-yaml'])('npm run import on the %s fixture', (name) => {
  it('writes exactly the expected content files', async () => {
    const { dir, stderr } = await importFixture(name);
    expect(stderr).toBe('');
    const written = await tree(join(dir, 'content'));
    const expected = await tree(join(fixtures, `${name}.expected/content`));
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(written.get(path), path).toBe(text);
  });

  it('prints the expected report, then exactly what `npm run check` says about the result', async () => {
    const { dir, stdout, code } = await importFixture(name);
    const at = stdout.indexOf('\n\nValidator: what a maintainer must fix (');
    expect(at).toBeGreaterThan(0);
    expect(stdout.slice(0, at + 1)).toBe(await readFile(join(fixtures, `${name}.expected/report.txt`), 'utf8'));

    // The validator part is the check command's own verdict on the written files, line for line.
    const check = await script('check.ts', dir);
    const checkLines = check.stdout.trimEnd().split('\n');
    const [header, ...rest] = stdout.slice(at + 2).split('\n');
    const validatorLines = rest.slice(0, checkLines.length).map((l) => l.replace(/^ {2}/, ''));
    expect(validatorLines).toEqual(checkLines);
    expect(header).toBe(`Validator: what a maintainer must fix (${checkLines.length - 1}):`);
    expect(code).toBe(check.code);

    // The summary adds up the sections above it.
    const count = (title: string) => Number(new RegExp(`^${title} \\((\\d+)\\):`, 'm').exec(stdout)![1]);
    const records = count('Records written');
    const summary = stdout.trimEnd().split('\n').at(-1)!;
    expect(summary).toMatch(new RegExp(`^Summary: ${records} records? written from \\d+ legacy files?; ${count('Changed')} values? changed, ${count('Could not map')} things? could not be mapped; `));
  });

  it('gives the same report as JSON', async () => {
    const text = await importFixture(name);
    const json = await importFixture(name, '--format', 'json');
    const report = JSON.parse(json.stdout) as {
      records: Record<string, number>;
      changed: { file: string; line: number; column: number; message: string; count: number }[];
      unmapped: unknown[];
      notes: unknown[];
      validator: { messages: unknown[]; errors: number };
      summary: string;
    };
    const lines = text.stdout.split('\n');
    expect(report.summary).toBe(text.stdout.trimEnd().split('\n').at(-1));
    const count = (title: string) => Number(new RegExp(`^${title} \\((\\d+)\\):`, 'm').exec(text.stdout)![1]);
    expect(report.changed).toHaveLength(count('Changed'));
    expect(report.unmapped).toHaveLength(count('Could not map'));
    expect(report.notes).toHaveLength(count('Notes'));
    expect(report.validator.messages).toHaveLength(count('Validator: what a maintainer must fix'));
    for (const e of report.changed) {
      const suffix = e.count > 1 ? ` (×${e.count})` : '';
      expect(lines).toContain(`  ${e.file}:${e.line}:${e.column}: ${e.message}${suffix}`);
    }
  });
});

describe('npm run import, what the map fixture must show a maintainer', () => {
  it('ends with the validator naming the defects carried over, each at its line', async () => {
    const { stdout, code } = await importFixture('map');
    expect(code).toBe(1);
    for (const line of [
      'content/stakeholders/learners-earners.md:34:1: error Missing key "source" under "quote", expected it to be filled in [required-key]',
      'content/stakeholders/employers.md:18:3: error Unexpected "hiring", expected the slug of an existing action area [unresolved-reference]',
      'content/resources/a-resource-without-a-link.md:1:1: error Missing key "url", expected it to be filled in [required-key]',
      'content/work-streams/using.md:5:4: error Missing the description, expected markdown after the closing "---" line [missing-body]',
      'content/glossary/wallet.md:1:1: error Missing key "related", expected it to be filled in [required-key]',
    ]) {
      expect(stdout).toContain(`  ${line}\n`);
    }
  });
});

describe('npm run import, command line', () => {
  it('never replaces a file that holds other content without --overwrite', async () => {
    const first = await importFixture('broken-yaml');
    expect(first.code).toBe(0);
    const target = join(first.dir, 'content/glossary/issuer.md');
    await writeFile(target, '---\nterm: Issuer\nrelated: [holder]\n---\nOur own words.\n');
    const again = await script('import.ts', first.dir, [join(fixtures, 'broken-yaml'), '--out', 'content']);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('Nothing written: 1 file already exist with other content (use --overwrite to replace them, or another --out):\n  content/glossary/issuer.md\n');
    expect(await readFile(target, 'utf8')).toContain('Our own words.');
    const forced = await script('import.ts', first.dir, [join(fixtures, 'broken-yaml'), '--out', 'content', '--overwrite']);
    expect(forced.code).toBe(0);
    expect(await readFile(target, 'utf8')).toBe(await readFile(join(fixtures, 'broken-yaml.expected/content/glossary/issuer.md'), 'utf8'));
  });

  it('explains a wrong path or wrong options in one line, without a stack trace', async () => {
    const dir = await temporary('ler-import-args-');
    await mkdir(join(dir, 'empty'));
    const notJekyll = await script('import.ts', dir, ['empty']);
    expect(notJekyll.code).toBe(2);
    expect(notJekyll.stderr).toBe('Cannot import empty: it has no _data/ folder, expected a checkout of the LER Ecosystem Map Jekyll site\n');
    const badFormat = await script('import.ts', dir, [join(fixtures, 'map'), '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toBe('Unexpected --format "xml", expected "text" or "json"\n');
    const none = await script('import.ts', dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: npm run import -- <path to a checkout of the Jekyll site>/);
    for (const r of [notJekyll, badFormat, none]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
