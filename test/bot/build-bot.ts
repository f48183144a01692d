// Builds the bot's production bundle exactly as `npm run build:bot` does, into a private folder
// inside the repository (so its imports resolve node_modules) that each test file owns.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** Runs the build:bot script with its --outdir pointed at a fresh folder under .cache/; returns the folder. */
export async function buildBot(): Promise<string> {
  const script = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:bot'];
  if (!script?.includes('--outdir=dist')) throw new Error(`Unexpected build:bot script "${script}", expected an esbuild command with --outdir=dist`);
  mkdirSync(join(repoRoot, '.cache'), { recursive: true });
  const outdir = await mkdtemp(join(repoRoot, '.cache', 'bot-build-'));
  const [command, ...args] = script.replace('--outdir=dist', `--outdir=${outdir}`).split(/\s+/);
  await promisify(execFile)(join(repoRoot, 'node_modules', '.bin', command!), args, { cwd: repoRoot });
  return outdir;
}
