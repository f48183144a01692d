// Runs `scripts/check.ts` as a contributor would (a real process in a folder of content).
import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repo = join(import.meta.dirname, '..', '..');

/** The exit code and output of `npm run check -- …args` run in `dir`. */
export async function checkIn(dir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', import.meta.resolve('tsx/esm'), join(repo, 'scripts/check.ts'), ...args], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A temporary checkout holding a copy of the rule fixtures' base content (valid, clean). */
export async function baseCheckout(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ler-check-'));
  await cp(join(repo, 'test/fixtures/base-content/content'), join(dir, 'content'), { recursive: true });
  return dir;
}
