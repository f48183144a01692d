// Reads content files from a checkout (read-only). The one place in core/ that touches the disk,
// so the CLI, the site build and the bot's dry run load content the same way.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { maxFileBytes } from './parse.ts';
import type { SourceFile } from './types.ts';
import { projectWordsFile } from './spelling.ts';

/** Every file under `<root>/content` as raw bytes, with repository-relative paths, sorted. */
export async function readContentFiles(root: string, folder = 'content'): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const stat = await lstat(full);
      const path = relative(root, full).split(sep).join('/');
      if (stat.isSymbolicLink()) {
        // A link could point outside the repository; it is reported, never followed.
        out.push({ path, content: '', unreadable: 'Unexpected symbolic link, expected a regular file (links are never followed)' });
      } else if (stat.isDirectory()) await walk(full);
      else if (stat.size > maxFileBytes) {
        out.push({ path, content: '', unreadable: `Unexpected file of ${stat.size} bytes, expected at most ${maxFileBytes} bytes` });
      } else if (stat.isFile()) out.push({ path, content: await readFile(full) });
    }
  };
  await walk(join(root, folder));
  return out;
}

/** Reads named files (repository-relative or absolute) as raw bytes; links and huge files are reported, not read. */
export async function readSourceFiles(root: string, paths: readonly string[]): Promise<SourceFile[]> {
  return Promise.all(
    paths.map(async (p): Promise<SourceFile> => {
      const path = relative(root, join(root, p)).split(sep).join('/');
      const full = join(root, path);
      const stat = await lstat(full);
      if (stat.isSymbolicLink()) return { path, content: '', unreadable: 'Unexpected symbolic link, expected a regular file (links are never followed)' };
      if (stat.size > maxFileBytes) return { path, content: '', unreadable: `Unexpected file of ${stat.size} bytes, expected at most ${maxFileBytes} bytes` };
      return { path, content: await readFile(full) };
    }),
  );
}

export { projectWordsFile };

/** Parses a word list: one word per line, `#` starts a comment line. */
export function parseWordList(text: string): string[] {
  return text.split(/\r?\n/).map((w) => w.trim()).filter((w) => w && !w.startsWith('#'));
}

/** The project's word list from a checkout (empty when the file is missing). */
export async function readProjectWords(root: string): Promise<string[]> {
  try {
    return parseWordList(await readFile(join(root, projectWordsFile), 'utf8'));
  } catch {
    return [];
  }
}
