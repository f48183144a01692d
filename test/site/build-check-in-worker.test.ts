// `npm run build -- --check-in-worker`: the check runs on a worker thread while Eleventy renders into
// a folder beside the output; errors still stop it with exactly `npm run check`'s lines and write nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIn } from '../core/run-check.ts';
import { copyContent, listFiles, repoRoot } from './helpers.ts';

const run = promisify(execFile);
const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

/** The build's environment: this content, no search index, the default site URL and prefix. */
function buildEnv(contentRoot: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, CONTENT_ROOT: contentRoot, SEARCH_INDEX: 'off' };
  delete env.PATH_PREFIX;
  delete env.SITE_URL;
  return env;
}

/** Runs the build with the check in a worker into `<new temporary folder>/site`. */
async function buildWithWorker(contentRoot: string): Promise<{ output: string; code: number; stdout: string; stderr: string }> {
  const parent = await mkdtemp(join(tmpdir(), 'ler-site-worker-'));
  cleanup.push(parent);
  const output = join(parent, 'site');
  const env = buildEnv(contentRoot);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--check-in-worker', '--output', output], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 });
    return { output, code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { output, code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('the build with the check on a worker thread', () => {
  it('stops on errors with exactly the lines npm run check prints, and writes nothing at all', async () => {
    const root = await copyContent();
    cleanup.push(root);
    await writeFile(join(root, 'content/stakeholders/broken.md'), '---\nname: Broken\norder: one\n---\nA stakeholder with missing fields.\n');
    const check = await checkIn(root);
    const build = await buildWithWorker(root);
    expect(check.code).toBe(1);
    expect(build.code).toBe(1);
    expect(build.stdout).toBe(check.stdout);
    expect(build.stderr).toBe('');
    // Neither the output nor the folder it was rendered into is left behind.
    expect(await readdir(dirname(build.output))).toEqual([]);
  });

  it('prints the check report first, then builds the same pages as the ordinary build', async () => {
    const root = await copyContent();
    cleanup.push(root);
    const check = await checkIn(root);
    const build = await buildWithWorker(root);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout.startsWith(check.stdout)).toBe(true);
    expect(await readdir(dirname(build.output))).toEqual(['site']);
    const ordinary = await mkdtemp(join(tmpdir(), 'ler-site-ordinary-'));
    cleanup.push(ordinary);
    await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--output', ordinary], { cwd: repoRoot, env: buildEnv(root) });
    const files = await listFiles(build.output);
    expect(files).toEqual(await listFiles(ordinary));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(await readFile(join(build.output, f), 'utf8'), f).toBe(await readFile(join(ordinary, f), 'utf8'));
  });
});
