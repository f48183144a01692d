// The check command as contributors run it: real process, real files, exact output.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..');

async function checkIn(dir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['--import', import.meta.resolve('tsx/esm'), join(repo, 'scripts/check.ts'), ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run check', () => {
  it('passes on the project content', async () => {
    const result = await checkIn(repo);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/no problems|0 errors|warning/);
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
