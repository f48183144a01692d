// Gathers a pull request snapshot from the local git repository (for the dry run): the diff
// between the merge base and the head, the head's files and the base's content, all read as
// data with `git cat-file` (nothing is checked out or executed).
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { checkScope, decode, parseWordList, projectWordsFile, type SourceFile } from '#core';
import { configPath, readConfig, type ConfigResult } from '../config.ts';
import type { ChangedFile, PullRequestSnapshot } from '../decide/pull-request-check.ts';
import type { BotEnv } from '../feature.ts';
import { baseContentOf } from '../github/base-content.ts';
import { cachedSpeller } from '../github/cached-speller.ts';

const run = promisify(execFile);

/** A problem the person running the dry run can fix (a wrong ref, not a repository). */
export class DryRunError extends Error {}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new DryRunError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/** Resolves a ref to a commit sha, or says plainly that it does not exist. */
async function commitOf(cwd: string, ref: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, encoding: 'utf8' });
    return stdout.trim();
  } catch {
    throw new DryRunError(`Unknown ref "${ref}", expected a branch, tag or commit of the repository in ${cwd}`);
  }
}

/** Reads objects (`<rev>:<path>` or a sha) as bytes with one `git cat-file --batch`; missing ones are undefined. */
function catFiles(cwd: string, names: readonly string[]): Promise<(Buffer | undefined)[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new DryRunError(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      const results: (Buffer | undefined)[] = [];
      let at = 0;
      for (let i = 0; i < names.length; i++) {
        const eol = out.indexOf(0x0a, at);
        const header = out.subarray(at, eol).toString();
        at = eol + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
          results.push(undefined);
          continue;
        }
        const size = Number(header.split(' ')[2]);
        results.push(out.subarray(at, at + size));
        at += size + 1;
      }
      resolve(results);
    });
    child.stdin.end(names.map((n) => `${n}\n`).join(''));
  });
}

/** Unquotes a path git wrote in C style ("a\tb"), as it does for unusual characters. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c));
      continue;
    }
    const n = body[++i]!;
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The pull request's files as GitHub lists them: status, rename source, line counts and patch. */
async function changedFiles(cwd: string, from: string, to: string): Promise<ChangedFile[]> {
  const statuses = (await git(cwd, ['diff', '--name-status', '-M', '-z', from, to])).split('\0');
  const numstat = (await git(cwd, ['diff', '--numstat', '-M', '-z', from, to])).split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < statuses.length - 1; ) {
    const code = statuses[i++]!;
    if (code.startsWith('R') || code.startsWith('C')) {
      const previousPath = statuses[i++]!;
      files.push({ path: statuses[i++]!, previousPath, status: code.startsWith('R') ? 'renamed' : 'copied', additions: 0, deletions: 0 });
    } else {
      const status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified';
      files.push({ path: statuses[i++]!, status, additions: 0, deletions: 0 });
    }
  }
  // --numstat -z: "added\tdeleted\tpath\0", or "added\tdeleted\t\0from\0to\0" for renames.
  for (let i = 0; i < numstat.length - 1; ) {
    const [added, deleted, path] = numstat[i++]!.split('\t');
    const target = path ? path : (i++, numstat[i++]!);
    const file = files.find((f) => f.path === target);
    if (file) {
      file.additions = Number(added) || 0;
      file.deletions = Number(deleted) || 0;
    }
  }
  // One diff for all patches, split at each file's header.
  const diff = await git(cwd, ['diff', '-U3', '-M', '--no-color', '--no-ext-diff', from, to]);
  for (const section of diff.split(/^diff --git /m).slice(1)) {
    const plus = /^\+\+\+ (.+)$/m.exec(section)?.[1];
    const minus = /^--- (.+)$/m.exec(section)?.[1];
    const raw = plus && plus !== '/dev/null' ? plus : minus;
    if (!raw) continue;
    const path = unquote(raw).replace(/^[ab]\//, '');
    const hunk = section.indexOf('\n@@');
    const file = files.find((f) => f.path === path || (f.status === 'removed' && f.path === path));
    if (file && hunk >= 0) file.patch = section.slice(hunk + 1).replace(/\n$/, '');
  }
  return files;
}

/** Everything the content check decides on, from local git: `base` stands in for the default branch. */
export async function gatherFromGit(
  cwd: string,
  baseRef: string,
  headRef: string,
  env: BotEnv,
  options: { draft?: boolean; firstTime?: boolean } = {},
): Promise<{ snapshot: PullRequestSnapshot; config: ConfigResult }> {
  const base = await commitOf(cwd, baseRef);
  const head = await commitOf(cwd, headRef);
  const mergeBase = (await git(cwd, ['merge-base', base, head])).trim();
  const files = await changedFiles(cwd, mergeBase, head);

  const toRead = files.filter((f) => f.status !== 'removed' && (checkScope(f.path) || f.path === projectWordsFile));
  const headBytes = await catFiles(cwd, toRead.map((f) => `${head}:${f.path}`));
  const read: SourceFile[] = toRead.map((f, i) => ({ path: f.path, content: headBytes[i] ?? '' }));

  // The base's content/: regular files by blob, links reported (never followed).
  const tree = (await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', base, '--', 'content/'])).split('\0').filter(Boolean);
  const entries = tree.map((line) => {
    const [meta, path] = line.split('\t') as [string, string];
    const [mode, , sha] = meta.split(' ') as [string, string, string];
    return { mode, sha, path };
  });
  const blobs = entries.filter((e) => e.mode !== '120000' && e.mode !== '160000');
  const baseBytes = await catFiles(cwd, blobs.map((e) => e.sha));
  const baseFiles: SourceFile[] = [
    ...blobs.map((e, i) => ({ path: e.path, content: baseBytes[i]! })),
    ...entries.filter((e) => e.mode === '120000').map((e) => ({ path: e.path, content: '', unreadable: 'Unexpected symbolic link, expected a regular file (links are never followed)' })),
  ];

  const [configBytes] = await catFiles(cwd, [`${base}:${configPath}`]);
  const config = readConfig(configBytes?.toString('utf8'));
  const wordsSource = read.find((f) => f.path === projectWordsFile) ?? baseFiles.find((f) => f.path === projectWordsFile);
  const decoded = wordsSource ? decode(wordsSource.content) : undefined;
  const speller = await cachedSpeller(decoded && 'text' in decoded ? parseWordList(decoded.text) : [], env);

  const snapshot: PullRequestSnapshot = {
    number: 0,
    state: 'open',
    draft: options.draft ?? false,
    headSha: head,
    headReadable: true,
    author: { login: 'you', firstTime: options.firstTime ?? false },
    files,
    changedFileCount: files.length,
    headFiles: read.filter((f) => f.path !== projectWordsFile),
    base: baseContentOf(base, baseFiles),
    speller,
    existing: { labels: [], addedByBot: new Set(), removedByPeople: new Set(), reviewedCommits: new Set(), checkRuns: new Set() },
    rerun: false,
  };
  return { snapshot, config };
}
