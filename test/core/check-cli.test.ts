// The check command as contributors run it: real process, real files, exact output.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIn, repo } from './run-check.ts';

describe('npm run check', () => {
  it('passes on the project content with no errors', async () => {
    const result = await checkIn(repo);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/: error /);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^(✔ \d+ files checked, no problems|⚠ \d+ warnings? in \d+ files? of \d+ checked.*)$/);
    expect(result.code).toBe(0);
  });

  it('reports a misspelt key at its line and column and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ler-check-'));
    await cp(join(repo, 'content'), join(dir, 'content'), { recursive: true });
    await mkdir(join(dir, 'content/action-areas'), { recursive: true });
    await writeFile(
      join(dir, 'content/action-areas/promoting-adoption.md'),
      '---\ntitle: Promoting Adoption\norder: 1\nTitle: again\n---\nText.\n',
    );
    const result = await checkIn(dir, 'content/action-areas/promoting-adoption.md');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      'content/action-areas/promoting-adoption.md:4:1: error Unexpected key "Title", expected "title" [unknown-key]',
    );
    expect(result.stderr).not.toMatch(/at .*\(/);
  });
});
