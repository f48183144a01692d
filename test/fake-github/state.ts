// The fake's in-memory GitHub: accounts, repositories (with forks), branches, pull requests,
// issues, comments, labels, check runs and reviews. Tests arrange state through these methods
// and assert on it after the bot has acted.
import { GitStore, type Commit, type FileChanges } from './git.ts';
import { unifiedDiff } from './diff.ts';

export interface Account {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Comment {
  id: number;
  body: string;
  user: Account;
  createdAt: string;
  updatedAt: string;
  /** Every body the comment had, oldest first (edits are visible to tests). */
  history: string[];
}

export interface LabelEvent {
  action: 'labeled' | 'unlabeled';
  label: string;
  actor: Account;
  at: string;
}

export interface ReviewComment {
  path: string;
  line: number;
  startLine?: number;
  side: 'LEFT' | 'RIGHT';
  body: string;
}

export interface Review {
  id: number;
  user: Account;
  commitId: string;
  body: string;
  event: string;
  state: string;
  comments: ReviewComment[];
  submittedAt: string;
}

export interface PullRequest {
  headRepo: Repository | null;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  reviews: Review[];
  authorAssociation?: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  user: Account;
  state: 'open' | 'closed';
  labels: string[];
  labelEvents: LabelEvent[];
  comments: Comment[];
  createdAt: string;
  updatedAt: string;
  pull?: PullRequest;
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  externalId: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations: Record<string, unknown>[];
  app: { id: number; slug: string };
  startedAt: string;
  completedAt: string | null;
}

export interface Repository {
  id: number;
  owner: Account;
  name: string;
  fullName: string;
  defaultBranch: string;
  branches: Map<string, string>;
  parent?: Repository;
  labels: Map<string, Label>;
  issues: Map<number, Issue>;
  checkRuns: CheckRun[];
  collaborators: Set<string>;
  nextNumber: number;
}

/** A file of a pull request as GitHub lists it. */
export interface PullFile {
  sha: string | null;
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}

/** Files larger than this get no `patch` in a pull request's file list (GitHub omits large diffs). */
export const maxPatchBytes = 1024 * 1024;

export class FakeState {
  readonly git = new GitStore();
  readonly accounts = new Map<string, Account>();
  readonly repos = new Map<string, Repository>();
  private nextId = 1000;
  clock = Date.UTC(2025, 5, 1);

  /** A fresh numeric id (ids are unique across kinds, as GitHub's are in practice). */
  id(): number {
    return ++this.nextId;
  }

  /** Now, advancing one second per call so timestamps order events. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  account(login: string, type: Account['type'] = 'User'): Account {
    let a = this.accounts.get(login.toLowerCase());
    if (!a) {
      a = { login, id: this.id(), type };
      this.accounts.set(login.toLowerCase(), a);
    }
    return a;
  }

  repo(fullName: string): Repository | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  /** Looks a repository up by owner and name, throwing when it does not exist (for tests). */
  mustRepo(fullName: string): Repository {
    const r = this.repo(fullName);
    if (!r) throw new Error(`no repository ${fullName}`);
    return r;
  }

  /** Creates a repository whose default branch holds `files` in one commit. */
  createRepo(fullName: string, files: FileChanges = {}, options: { defaultBranch?: string; ownerType?: Account['type'] } = {}): Repository {
    const [ownerLogin, name] = fullName.split('/') as [string, string];
    const defaultBranch = options.defaultBranch ?? 'main';
    const commit = this.git.commit(undefined, files, 'Initial commit');
    const repo: Repository = {
      id: this.id(),
      owner: this.account(ownerLogin, options.ownerType ?? 'Organization'),
      name,
      fullName,
      defaultBranch,
      branches: new Map([[defaultBranch, commit.sha]]),
      labels: new Map(),
      issues: new Map(),
      checkRuns: [],
      collaborators: new Set(),
      nextNumber: 1,
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** Forks a repository to another account (sharing the object store). */
  fork(source: Repository, ownerLogin: string): Repository {
    const repo: Repository = {
      id: this.id(),
      owner: this.account(ownerLogin),
      name: source.name,
      fullName: `${ownerLogin}/${source.name}`,
      defaultBranch: source.defaultBranch,
      branches: new Map(source.branches),
      parent: source,
      labels: new Map(),
      issues: new Map(),
      checkRuns: [],
      collaborators: new Set(),
      nextNumber: 1,
    };
    this.repos.set(repo.fullName.toLowerCase(), repo);
    return repo;
  }

  /** Commits changes on a branch (created from `from` or the default branch when missing). */
  push(repo: Repository, branch: string, changes: FileChanges, message?: string, from?: string): Commit {
    const parent = repo.branches.get(branch) ?? repo.branches.get(from ?? repo.defaultBranch);
    const commit = this.git.commit(parent, changes, message);
    repo.branches.set(branch, commit.sha);
    // Open pull requests whose head is this branch follow it, as on GitHub.
    for (const r of this.repos.values()) {
      for (const issue of r.issues.values()) {
        const pull = issue.pull;
        if (pull && issue.state === 'open' && pull.headRepo === repo && pull.headRef === branch) {
          pull.headSha = commit.sha;
          pull.baseSha = r.branches.get(pull.baseRef)!;
        }
      }
    }
    return commit;
  }

  /** Opens a pull request from `head` ("branch" or "owner:branch") into the base branch. */
  openPullRequest(
    base: Repository,
    options: { head: string; headRepo?: Repository; user: string; title?: string; body?: string; draft?: boolean; base?: string; authorAssociation?: string },
  ): Issue {
    const headRepo = options.headRepo ?? base;
    const headSha = headRepo.branches.get(options.head);
    if (!headSha) throw new Error(`no branch ${options.head} in ${headRepo.fullName}`);
    const baseRef = options.base ?? base.defaultBranch;
    return this.addIssue(base, options.user, options.title ?? 'Update content', options.body, {
      headRepo,
      headRef: options.head,
      headSha,
      baseRef,
      baseSha: base.branches.get(baseRef)!,
      draft: options.draft ?? false,
      merged: false,
      reviews: [],
      authorAssociation: options.authorAssociation,
    });
  }

  /** A new open issue (a pull request when `pull` is given), numbered and stored in `repo`. */
  private addIssue(repo: Repository, user: string, title: string, body = '', pull?: Issue['pull']): Issue {
    const at = this.now();
    const issue: Issue = {
      number: repo.nextNumber++,
      title,
      body,
      user: this.account(user),
      state: 'open',
      labels: [],
      labelEvents: [],
      comments: [],
      createdAt: at,
      updatedAt: at,
      ...(pull ? { pull } : {}),
    };
    repo.issues.set(issue.number, issue);
    return issue;
  }

  /** Opens an issue (no pull request). */
  openIssue(repo: Repository, options: { user: string; title: string; body?: string; labels?: string[] }): Issue {
    const issue = this.addIssue(repo, options.user, options.title, options.body);
    for (const name of options.labels ?? []) this.addLabel(repo, issue, name, issue.user);
    return issue;
  }

  /** Adds a label to an issue as `actor` (creating the repository label as GitHub does). */
  addLabel(repo: Repository, issue: Issue, name: string, actor: Account): void {
    let label = repo.labels.get(name.toLowerCase());
    if (!label) label = this.createLabel(repo, name, 'ededed', null);
    if (issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) return;
    issue.labels.push(label.name);
    issue.labelEvents.push({ action: 'labeled', label: label.name, actor, at: this.now() });
  }

  /** Removes a label from an issue; false when the issue does not have it. */
  removeLabel(issue: Issue, name: string, actor: Account): boolean {
    const i = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
    if (i < 0) return false;
    const [removed] = issue.labels.splice(i, 1);
    issue.labelEvents.push({ action: 'unlabeled', label: removed!, actor, at: this.now() });
    return true;
  }

  createLabel(repo: Repository, name: string, color: string, description: string | null): Label {
    const label = { id: this.id(), name, color, description };
    repo.labels.set(name.toLowerCase(), label);
    return label;
  }

  /** Adds a comment to an issue or pull request as `user`. */
  comment(issue: Issue, user: Account, body: string): Comment {
    const at = this.now();
    const c: Comment = { id: this.id(), body, user, createdAt: at, updatedAt: at, history: [body] };
    issue.comments.push(c);
    return c;
  }

  /** Finds a comment anywhere in a repository. */
  findComment(repo: Repository, id: number): { issue: Issue; comment: Comment } | undefined {
    for (const issue of repo.issues.values()) {
      const comment = issue.comments.find((c) => c.id === id);
      if (comment) return { issue, comment };
    }
    return undefined;
  }

  private readonly pullFilesCache = new Map<string, PullFile[]>();

  /** The files a pull request changes, computed from its merge base as GitHub does (commits never change, so cached). */
  pullFiles(pull: PullRequest): PullFile[] {
    const key = `${pull.baseSha}..${pull.headSha}`;
    let files = this.pullFilesCache.get(key);
    if (!files) {
      files = this.computePullFiles(pull);
      this.pullFilesCache.set(key, files);
    }
    return files;
  }

  private computePullFiles(pull: PullRequest): PullFile[] {
    const base = this.git.mergeBase(pull.baseSha, pull.headSha) ?? pull.baseSha;
    const before = this.git.get(base).tree;
    const after = this.git.get(pull.headSha).tree;
    const files: PullFile[] = [];
    const removed = [...before.keys()].filter((p) => !after.has(p));
    const added = [...after.keys()].filter((p) => !before.has(p));
    const renamedFrom = new Map<string, string>();
    // An exact-content move is reported as a rename, as GitHub does.
    for (const path of added) {
      const from = removed.find((r) => before.get(r) === after.get(path) && ![...renamedFrom.values()].includes(r));
      if (from) renamedFrom.set(path, from);
    }
    const paths = new Set([...before.keys(), ...after.keys()]);
    for (const path of [...paths].sort()) {
      const a = before.get(path);
      const b = after.get(path);
      if (a === b) continue;
      if (!b && [...renamedFrom.values()].includes(path)) continue;
      const from = renamedFrom.get(path);
      const oldBytes = a ? this.git.blobs.get(a)! : Buffer.alloc(0);
      const newBytes = b ? this.git.blobs.get(b)! : Buffer.alloc(0);
      // GitHub leaves the patch out for binary files and for very large ones.
      const diffable = ![oldBytes, newBytes].some((bytes) => bytes.includes(0) || bytes.byteLength > maxPatchBytes);
      const patch = from || !diffable ? '' : unifiedDiff(oldBytes.toString('utf8'), newBytes.toString('utf8'));
      const additions = patch.split('\n').filter((l) => l.startsWith('+')).length;
      const deletions = patch.split('\n').filter((l) => l.startsWith('-')).length;
      files.push({
        sha: b ?? null,
        filename: path,
        status: from ? 'renamed' : !a ? 'added' : !b ? 'removed' : 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        ...(patch ? { patch } : {}),
        ...(from ? { previous_filename: from } : {}),
      });
    }
    return files;
  }

  /** How GitHub would describe the pull request author's relation to the repository. */
  authorAssociation(repo: Repository, issue: Issue): string {
    if (issue.pull?.authorAssociation) return issue.pull.authorAssociation;
    const login = issue.user.login.toLowerCase();
    if (repo.owner.login.toLowerCase() === login) return 'OWNER';
    if (repo.collaborators.has(login)) return 'COLLABORATOR';
    const merged = [...repo.issues.values()].some((i) => i.pull?.merged && i.user.login.toLowerCase() === login);
    return merged ? 'CONTRIBUTOR' : 'FIRST_TIME_CONTRIBUTOR';
  }
}
