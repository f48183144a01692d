// CONTRIBUTING.md and docs/maintainers.md are generated where they describe data (rules, labels,
// forms, configuration, commands): a test fails when they are out of date.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '#core';
import { generatedDocs } from '../../bot/docs/generated-docs.ts';
import { commandHelp } from '../../bot/messages/issues.ts';

const repo = join(import.meta.dirname, '..', '..');
let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'ler-docs-'));
  for (const path of ['CONTRIBUTING.md', 'docs/maintainers.md', '.github/labels.yml', '.github/ISSUE_TEMPLATE']) {
    await cp(join(repo, path), join(copy, path), { recursive: true });
  }
});

afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

async function genDocs(cwd: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx/esm'), join(repo, 'bot/gen-docs.ts'), ...args], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('generated docs', () => {
  it.each(['CONTRIBUTING.md', 'docs/maintainers.md'])('%s is up to date (run `npm run gen:docs` when this fails)', async (path) => {
    const doc = (await generatedDocs(repo)).find((d) => d.path === path)!;
    expect(doc.current).toBe(doc.expected);
  });

  it('CONTRIBUTING.md explains every rule, at an anchor named like the id printed in brackets', async () => {
    const text = await readFile(join(repo, 'CONTRIBUTING.md'), 'utf8');
    const headings = [...text.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(headings).toEqual(rules.map((r) => r.id));
  });

  it('docs/maintainers.md lists every command and the configuration keys', async () => {
    const text = await readFile(join(repo, 'docs/maintainers.md'), 'utf8');
    for (const [command] of commandHelp) expect(text).toContain(`| \`${command}\` |`);
    for (const key of ['labels.passing.name', 'checks.severity', 'pull_requests.welcome', 'issues.needs_info.remind_after_days']) {
      expect(text).toContain(`| \`${key}\` |`);
    }
  });

  it('--check fails on a stale file and names it; gen:docs brings it up to date', async () => {
    expect(await genDocs(copy, '--check')).toEqual({ code: 0, output: '' });
    const labels = join(copy, '.github/labels.yml');
    await writeFile(labels, (await readFile(labels, 'utf8')).replace('Already reported in another issue', 'Said before, in another issue'));
    expect(await genDocs(copy, '--check')).toEqual({ code: 1, output: 'CONTRIBUTING.md: out of date, expected the output of `npm run gen:docs`\n' });
    expect(await genDocs(copy)).toEqual({ code: 0, output: 'Updated CONTRIBUTING.md\n' });
    expect(await readFile(join(copy, 'CONTRIBUTING.md'), 'utf8')).toContain('| `duplicate` | Said before, in another issue |');
    expect((await genDocs(copy, '--check')).code).toBe(0);
  });

  it('says which marker is missing instead of overwriting hand-written text', async () => {
    const path = join(copy, 'docs/maintainers.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace(/<!-- generated:commands:end -->/, ''));
    expect(await genDocs(copy, '--check')).toEqual({
      code: 2,
      output: 'docs/maintainers.md: missing the markers "<!-- generated:commands:start -->" and "<!-- generated:commands:end -->", expected both around the generated part\n',
    });
  });
});
