// `npm run bot:dry-run`: the same gather/decide on a local git repository, printed instead of
// posted. It must say exactly what the bot posts on GitHub for the same change.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DryRunReport } from '../../bot/act/dry-run-report.ts';
import { projectContent, projectRoot, startScenario } from './content-repo.ts';

const run = promisify(execFile);
let dir: string;

const change = {
  'content/glossary/issuer.md': '---\nTerm: Issuer\nrelated:\n  - holder\n  - verifier\n  - credential\n---\nThe organization or person that  creates a credential. <b>Bold</b> claim.\n',
  'content/glossary/holder.md': null,
  'README.md': '# LER Ecosystem Map\n\nChanged.\n',
};

async function git(...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir });
  return stdout;
}

async function writeFiles(files: Record<string, string | Uint8Array | null>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) await rm(join(dir, path));
    else {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
  }
}

async function dryRun(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', import.meta.resolve('tsx/esm'), join(projectRoot, 'bot/dry-run.ts'), ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ler-dry-run-'));
  await git('init', '-q', '-b', 'main');
  await writeFiles({ ...(await projectContent()), 'README.md': '# LER Ecosystem Map\n', 'package.json': '{ "name": "ler-ecosystem-map" }\n' });
  await git('add', '-A');
  await git('commit', '-qm', 'Base');
  await git('checkout', '-qb', 'change');
  await writeFiles(change);
  await git('add', '-A');
  await git('commit', '-qm', 'Change');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bot:dry-run', () => {
  it('prints one JSON object that matches what the bot posts on GitHub for the same change', async () => {
    const result = await dryRun('--base', 'main', '--head', 'change', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DryRunReport;
    expect(Object.keys(report)).toEqual(['check', 'labels', 'comment', 'suggestions']);
    expect(Object.keys(report.check)).toEqual(['conclusion', 'summary', 'annotations']);
    expect(report.check.annotations).toContainEqual({ path: 'content/glossary/issuer.md', line: 1, level: 'error', message: 'Missing key "term", expected it to be filled in' });
    expect(report.suggestions).toEqual([
      { path: 'content/glossary/issuer.md', line: 2, replacement: 'term: Issuer' },
      { path: 'content/glossary/issuer.md', line: 8, replacement: 'The organization or person that creates a credential. <b>Bold</b> claim.' },
    ]);

    // The same change as a pull request, checked by the bot against the fake GitHub.
    const s = await startScenario();
    try {
      const pr = s.openPullRequest(change);
      await s.send(pr, 'opened');
      const run = s.repo.checkRuns[0]!;
      expect(report.check.conclusion).toBe(run.conclusion);
      expect(report.check.summary).toBe(run.summary);
      expect(report.check.annotations).toEqual(
        run.annotations.map((a) => ({ path: a.path, line: a.start_line, level: a.annotation_level === 'failure' ? 'error' : 'warning', message: String(a.message).split('.\nHow to fix:')[0] })),
      );
      expect(report.labels).toEqual([...pr.labels].sort());
      expect(report.comment).toBe(pr.comments[0]!.body);
      expect(report.suggestions.map((x) => [x.path, x.line])).toEqual(pr.pull!.reviews[0]!.comments.map((c) => [c.path, c.line]));
      expect(s.fake.violations).toEqual([]);
    } finally {
      await s.stop();
    }
  });

  it('prints the same as text for people', async () => {
    const result = await dryRun('--base', 'main', '--head', 'change');
    expect(result.stdout).toMatch(/^Check "Content check": failure — /);
    expect(result.stdout).toContain('content/glossary/issuer.md:2: error Unexpected key "Term", expected "term"');
    expect(result.stdout).toContain('Labels: check: needs changes, content: glossary, size/S, touches code');
    expect(result.stdout).toContain('Comment:\n<!-- ler-map:pull-request-check -->');
    expect(result.stdout).toContain('  content/glossary/issuer.md:2\n    | term: Issuer');
  });

  it('says plainly when a ref does not exist', async () => {
    const result = await dryRun('--base', 'mian', '--head', 'change');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`Unknown ref "mian", expected a branch, tag or commit of the repository in ${dir}`);
    expect(result.stdout).toBe('');
  });

  it('asks for both refs', async () => {
    const result = await dryRun('--head', 'change');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Missing --base or --head, expected both refs/);
  });
});
