// `npm run bot:dry-run -- --issue <file.json>`: the real command, against this checkout.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, siteUrl } from './local-content.ts';

const run = promisify(execFile);

async function dryRun(...args: string[]) {
  return dryRunIn(repoRoot, ...args);
}

async function dryRunIn(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', import.meta.resolve('tsx/esm'), join(repoRoot, 'bot/dry-run.ts'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('bot:dry-run --issue', () => {
  it('prints labels, comment and duplicates as JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ler-dry-issue-'));
    const file = join(dir, 'issue.json');
    await writeFile(
      file,
      JSON.stringify({
        title: 'Funders page should mention pooled funds',
        body: `The Funders stakeholder page (${siteUrl}stakeholders/funders/) lists foundations only.`,
        author_association: 'CONTRIBUTOR',
        open_issues: [{ number: 4, title: 'Funders page: pooled funds missing', body: 'Pooled funds are missing from the Funders page.', labels: ['page: funders'] }],
      }),
    );
    const result = await dryRun('--issue', file, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { labels: string[]; comment: string; duplicates: Array<{ number: number }> };
    expect(Object.keys(out)).toEqual(['labels', 'comment', 'duplicates']);
    expect(out.labels).toEqual(['feedback', 'page: funders']);
    expect(out.duplicates.map((d) => d.number)).toEqual([4]);
    expect(out.comment).toContain('Thank you, @contributor!');
    expect(out.comment).toContain('- #4 Funders page: pooled funds missing');
  });

  it('reads a form issue and prints text by default', async () => {
    const result = await dryRun('--issue', join(repoRoot, 'test/fixtures/triage/term-missing-definition.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Labels: proposal: term, page: glossary, needs info');
    expect(result.stdout).toContain('- **Definition**: this field is empty.');
  });

  it('explains a bad file in one line, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ler-dry-issue-'));
    await writeFile(join(dir, 'bad.json'), '{"body": 3}');
    const bad = await dryRun('--issue', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/bad\.json: title: .*expected string/i);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const missing = await dryRun('--issue', join(dir, 'nope.json'));
    expect(missing.stderr.trim()).toBe(`${join(dir, 'nope.json')}: no such file`);
  });

  it('reads the checkout’s .github/ler-map.yml and points at a mistake in it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ler-dry-issue-'));
    await cp(join(repoRoot, 'content'), join(dir, 'content'), { recursive: true });
    await cp(join(repoRoot, '.github/ISSUE_TEMPLATE'), join(dir, '.github/ISSUE_TEMPLATE'), { recursive: true });
    await mkdir(join(dir, '.github'), { recursive: true });
    const issue = join(repoRoot, 'test/fixtures/triage/free-name-funders.json');
    await writeFile(join(dir, '.github/ler-map.yml'), 'issues:\n  labels:\n    page_prefix: "area: "\n');
    const renamed = await dryRunIn(dir, '--issue', issue, '--format', 'json');
    expect(JSON.parse(renamed.stdout).labels).toEqual(['feedback', 'area: funders']);
    await writeFile(join(dir, '.github/ler-map.yml'), 'issues:\n  labels:\n    feedbak: x\n');
    const bad = await dryRunIn(dir, '--issue', issue);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('.github/ler-map.yml:3:5: Unexpected key "feedbak" in issues.labels, expected "feedback"');
  });
});
