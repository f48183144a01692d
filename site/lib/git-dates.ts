// "Last updated" dates of content files from git history, read with one `git log` for all files.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The committer date (ISO 8601) of the last commit that touched each file under `folder`,
 * keyed by repository-relative path. Empty when `root` has no git history (files then show none).
 */
export async function lastCommitDates(root: string, folder = 'content'): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  let out: string;
  try {
    ({ stdout: out } = await run('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--relative', '--', folder], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
    }));
  } catch {
    return dates; // not a git checkout, or git is missing: no dates rather than a failed build
  }
  // Newest commit first: the first date seen for a file is its last update.
  for (const commit of out.split('\0')) {
    const [date, ...paths] = commit.split('\n');
    if (!date) continue;
    for (const path of paths) if (path && !dates.has(path)) dates.set(path, date.trim());
  }
  return dates;
}
