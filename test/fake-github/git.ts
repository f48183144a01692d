// The fake's object store: blobs hashed as git hashes them, commits as full file snapshots.
// One store per fake, shared by a repository and its forks (like GitHub's fork network).
import { createHash } from 'node:crypto';

export interface Commit {
  sha: string;
  /** Every file of the commit: path → blob sha. */
  tree: Map<string, string>;
  /** Paths of the tree that are symbolic links (mode 120000; the blob holds the target). */
  symlinks: Set<string>;
  parents: string[];
  message: string;
  date: string;
}

/** A symbolic link to write: git stores its target as the blob, with mode 120000. */
export interface SymlinkChange {
  symlink: string;
}

/** File changes for a new commit: text or bytes to write, a symbolic link, null to delete. */
export type FileChanges = Record<string, string | Uint8Array | SymlinkChange | null>;

let commitCounter = 0;

export class GitStore {
  readonly blobs = new Map<string, Buffer>();
  readonly commits = new Map<string, Commit>();

  /** Stores content and returns its git blob sha (`sha1("blob <size>\0" + content)`). */
  putBlob(content: string | Uint8Array): string {
    const bytes = Buffer.from(content);
    const sha = createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
    this.blobs.set(sha, bytes);
    return sha;
  }

  /** Creates a commit on top of `parent` (or an empty tree) with the given changes. */
  commit(parent: string | undefined, changes: FileChanges, message = 'Change files', date = new Date(Date.UTC(2025, 0, 1) + ++commitCounter * 60_000)): Commit {
    const base = parent ? this.get(parent).tree : new Map<string, string>();
    const tree = new Map(base);
    const symlinks = new Set(parent ? this.get(parent).symlinks : []);
    for (const [path, content] of Object.entries(changes)) {
      symlinks.delete(path);
      if (content === null) tree.delete(path);
      else if (typeof content === 'object' && 'symlink' in content) {
        tree.set(path, this.putBlob(content.symlink));
        symlinks.add(path);
      } else tree.set(path, this.putBlob(content));
    }
    const sorted = [...tree].sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = createHash('sha1')
      .update(JSON.stringify({ parent, sorted, message, n: commitCounter }))
      .digest('hex');
    const commit: Commit = { sha, tree: new Map(sorted), symlinks, parents: parent ? [parent] : [], message, date: date.toISOString() };
    this.commits.set(sha, commit);
    return commit;
  }

  get(sha: string): Commit {
    const c = this.commits.get(sha);
    if (!c) throw new Error(`unknown commit ${sha}`);
    return c;
  }

  /** The text of a file at a commit, or undefined. */
  read(sha: string, path: string): Buffer | undefined {
    const blob = this.commits.get(sha)?.tree.get(path);
    return blob ? this.blobs.get(blob) : undefined;
  }

  /** Every ancestor of a commit, itself included, nearest first. */
  ancestors(sha: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length) {
      const s = queue.shift()!;
      if (seen.has(s)) continue;
      seen.add(s);
      out.push(s);
      queue.push(...(this.commits.get(s)?.parents ?? []));
    }
    return out;
  }

  /** The nearest common ancestor of two commits (what a pull request's diff starts from). */
  mergeBase(a: string, b: string): string | undefined {
    const ofA = new Set(this.ancestors(a));
    return this.ancestors(b).find((s) => ofA.has(s));
  }

  /** Resolves a full or abbreviated (7+ hex) commit sha. */
  resolve(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      for (const sha of this.commits.keys()) if (sha.startsWith(ref)) return sha;
    }
    return undefined;
  }
}
