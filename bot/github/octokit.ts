// The Octokit type handlers receive (Probot's, authenticated as an installation).
import type { Context } from 'probot';

export type Octokit = Context['octokit'];

/** Owner and name of a repository. */
export interface RepoRef {
  owner: string;
  repo: string;
}
