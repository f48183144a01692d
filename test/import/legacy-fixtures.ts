// What the importer tests share: the legacy fixture checkouts, temporary checkouts removed after
// the file's tests, and running a script of scripts/ as a maintainer would.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import type { SourceFile } from '#core';

const run = promisify(execFile);
export const repo = join(import.meta.dirname, '..', '..');
export const fixtures = join(repo, 'test/fixtures/legacy');
const tsx = import.meta.resolve('tsx/esm');

/** A legacy fixture checkout (test/fixtures/legacy/<name>) as the importer reads it. */
export async function checkout(name: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const dir of ['', '_data', '_stakeholders']) {
    const names = await readdir(join(fixtures, name, dir)).catch(() => [] as string[]);
    for (const n of names) if (/\.(md|ya?ml)$/.test(n)) out.push({ path: dir ? `${dir}/${n}` : n, content: await readFile(join(fixtures, name, dir, n), 'utf8') });
  }
  return out;
}

/**
 * A function that makes temporary directories, all removed after the calling test file's tests.
 * Call at the top level of a test file.
 */
export function temporaryDirectories(): (prefix: string) => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
  });
  return async (prefix) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** Runs `scripts/<name>` in a real process; its exit code and output, never a throw. */
export async function script(name: string, cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', ['--import', tsx, join(repo, 'scripts', name), ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 1 << 24,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
