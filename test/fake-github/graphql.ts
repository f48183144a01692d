// GitHub's GraphQL API in the fake: every query is validated against GitHub's published schema
// (@octokit/graphql-schema) and executed over the in-memory state. Fields the fake does not
// implement are reported as violations rather than silently returned as null.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { GraphQLError, buildSchema, execute, parse, validate, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Account, FakeState, Issue, Repository } from './state.ts';
import type { Identity } from './rest/route.ts';

let schema: GraphQLSchema | undefined;

/** GitHub's GraphQL schema, built once per process. */
export function githubSchema(): GraphQLSchema {
  if (!schema) {
    // The package exports only its JS entry; schema.graphql sits next to it.
    const entry = fileURLToPath(import.meta.resolve('@octokit/graphql-schema'));
    const sdl = readFileSync(join(dirname(entry), 'schema.graphql'), 'utf8');
    // GitHub's schema breaks a few of graphql-js 17's own consistency rules (deprecations on
    // interface fields); queries are still validated against it in full.
    schema = buildSchema(sdl, { assumeValidSDL: true, assumeValid: true });
  }
  return schema;
}

interface GraphqlContext {
  state: FakeState;
  viewer: Account | undefined;
  violation(problem: string): void;
}

type Node = Record<string, unknown>;

/** A connection over a list: first/last/after/before with index cursors, as GitHub paginates. */
function connection<T>(items: T[], args: Record<string, unknown>, ctx: GraphqlContext, where: string): Node {
  const first = args.first as number | undefined;
  const last = args.last as number | undefined;
  if (first === undefined && last === undefined) {
    ctx.violation(`${where}: GitHub requires a \`first\` or \`last\` value on connections`);
    throw new GraphQLError('You must provide a `first` or `last` value to properly paginate the connection.', { extensions: { type: 'MISSING_PAGINATION_BOUNDARIES' } });
  }
  if ((first ?? 0) > 100 || (last ?? 0) > 100 || (first ?? 0) < 0 || (last ?? 0) < 0) {
    ctx.violation(`${where}: first/last must be between 1 and 100`);
    throw new GraphQLError('Requesting more than 100 records on the connection is not allowed.', { extensions: { type: 'EXCESSIVE_PAGINATION' } });
  }
  const decode = (c: unknown) => (typeof c === 'string' ? Number(Buffer.from(c, 'base64').toString().replace('cursor:', '')) : undefined);
  let start = 0;
  let end = items.length;
  const after = decode(args.after);
  const before = decode(args.before);
  if (after !== undefined) start = after + 1;
  if (before !== undefined) end = before;
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64');
  const slice = items.slice(start, end);
  return {
    nodes: slice,
    edges: slice.map((node, i) => ({ node, cursor: cursor(start + i) })),
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? cursor(start) : null,
      endCursor: slice.length ? cursor(end - 1) : null,
    },
  };
}

/** An account as GraphQL shows it: an App's bot is a Bot whose login has no "[bot]" suffix. */
function actorNode(a: Account): Node {
  if (a.type === 'Bot') return { __typename: 'Bot', login: a.login.replace(/\[bot\]$/, ''), databaseId: a.id, id: `BOT_${a.id}` };
  return { __typename: a.type === 'Organization' ? 'Organization' : 'User', login: a.login, databaseId: a.id, id: `U_${a.id}` };
}

function blobNode(state: FakeState, sha: string): Node | null {
  const bytes = state.git.blobs.get(sha);
  if (!bytes) return null;
  const binary = bytes.includes(0);
  // GitHub truncates blob text at 512 KB.
  const limit = 512 * 1024;
  return {
    __typename: 'Blob',
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    byteSize: bytes.byteLength,
    isBinary: binary,
    isTruncated: bytes.byteLength > limit,
    text: binary ? null : bytes.subarray(0, limit).toString('utf8'),
  };
}

function checkSuitesOf(state: FakeState, repo: Repository, sha: string, ctx: GraphqlContext) {
  return (args: Node) => {
    const runs = repo.checkRuns.filter((r) => r.headSha === sha);
    const apps = [...new Map(runs.map((r) => [r.app.id, r.app])).values()];
    const suites = apps.map((app) => ({
      __typename: 'CheckSuite',
      databaseId: app.id * 1000,
      app: { __typename: 'App', databaseId: app.id, slug: app.slug, name: app.slug },
      checkRuns: (runArgs: Node) => {
        const filter = (runArgs.filterBy ?? {}) as { checkName?: string; appId?: number };
        const mine = runs.filter((r) => r.app.id === app.id && (filter.checkName === undefined || r.name === filter.checkName));
        return connection(
          mine.map((r) => ({
            __typename: 'CheckRun',
            databaseId: r.id,
            name: r.name,
            externalId: r.externalId,
            status: r.status.toUpperCase(),
            conclusion: r.conclusion ? r.conclusion.toUpperCase() : null,
            title: r.title,
            summary: r.summary,
          })),
          runArgs,
          ctx,
          'CheckSuite.checkRuns',
        );
      },
    }));
    const filter = (args.filterBy ?? {}) as { appId?: number };
    return connection(suites.filter((x) => filter.appId === undefined || x.app.databaseId === filter.appId), args, ctx, 'Commit.checkSuites');
  };
}

function commitNode(state: FakeState, sha: string, repo?: Repository, ctx?: GraphqlContext): Node {
  const commit = state.git.get(sha);
  return {
    ...(repo && ctx ? { checkSuites: checkSuitesOf(state, repo, sha, ctx) } : {}),
    __typename: 'Commit',
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    message: commit.message,
    file: ({ path }: { path: string }) => {
      const blob = commit.tree.get(path);
      // Git's modes as GitHub gives them (decimal): 100644 a file, 120000 a symbolic link.
      const mode = commit.symlinks.has(path) ? 0o120000 : 0o100644;
      return blob ? { __typename: 'TreeEntry', name: path.split('/').pop(), path, oid: blob, type: 'blob', mode, object: blobNode(state, blob) } : null;
    },
  };
}

function gitObject(state: FakeState, repo: Repository, args: { expression?: string; oid?: string }, ctx: GraphqlContext): Node | null {
  if (args.oid) {
    if (state.git.blobs.has(args.oid)) return blobNode(state, args.oid);
    if (state.git.commits.has(args.oid)) return commitNode(state, args.oid, repo, ctx);
    return null;
  }
  const expression = args.expression ?? '';
  const colon = expression.indexOf(':');
  const rev = colon >= 0 ? expression.slice(0, colon) : expression;
  const sha = rev === 'HEAD' || rev === '' ? repo.branches.get(repo.defaultBranch) : (repo.branches.get(rev.replace(/^refs\/heads\//, '')) ?? state.git.resolve(rev));
  if (!sha) return null;
  if (colon < 0) return commitNode(state, sha, repo, ctx);
  const blob = state.git.get(sha).tree.get(expression.slice(colon + 1));
  return blob ? blobNode(state, blob) : null;
}

function labelNode(state: FakeState, repo: Repository, name: string): Node | null {
  const l = repo.labels.get(name.toLowerCase());
  return l ? { __typename: 'Label', id: `LA_${l.id}`, name: l.name, color: l.color, description: l.description } : null;
}

const pullStates = { open: 'OPEN', closed: 'CLOSED' } as const;

function pullNode(state: FakeState, repo: Repository, issue: Issue, ctx: GraphqlContext): Node {
  const pull = issue.pull!;
  const where = `PullRequest #${issue.number}`;
  return {
    __typename: 'PullRequest',
    id: `PR_${repo.id}_${issue.number}`,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: pull.merged ? 'MERGED' : pullStates[issue.state],
    closed: issue.state === 'closed',
    merged: pull.merged,
    isDraft: pull.draft,
    headRefOid: pull.headSha,
    headRefName: pull.headRef,
    baseRefOid: pull.baseSha,
    baseRefName: pull.baseRef,
    isCrossRepository: pull.headRepo !== repo,
    headRepository: pull.headRepo ? repoNode(state, pull.headRepo, ctx) : null,
    author: actorNode(issue.user),
    authorAssociation: state.authorAssociation(repo, issue),
    changedFiles: state.pullFiles(pull).length,
    viewerDidAuthor: ctx.viewer?.id === issue.user.id,
    labels: (args: Node) => connection(issue.labels.map((n) => labelNode(state, repo, n)), args, ctx, `${where}.labels`),
    comments: (args: Node) =>
      connection(
        issue.comments.map((c) => ({
          __typename: 'IssueComment',
          id: `IC_${c.id}`,
          databaseId: c.id,
          body: c.body,
          author: actorNode(c.user),
          viewerDidAuthor: ctx.viewer?.id === c.user.id,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
        })),
        args,
        ctx,
        `${where}.comments`,
      ),
    reviews: (args: Node) =>
      connection(
        pull.reviews.map((r) => ({
          __typename: 'PullRequestReview',
          id: `PRR_${r.id}`,
          databaseId: r.id,
          body: r.body,
          state: r.state,
          author: actorNode(r.user),
          viewerDidAuthor: ctx.viewer?.id === r.user.id,
          commit: commitNode(state, r.commitId),
          submittedAt: r.submittedAt,
        })),
        args,
        ctx,
        `${where}.reviews`,
      ),
    timelineItems: (args: Node) => {
      const types = (args.itemTypes as string[] | undefined) ?? ['LABELED_EVENT', 'UNLABELED_EVENT'];
      const other = types.filter((t) => t !== 'LABELED_EVENT' && t !== 'UNLABELED_EVENT');
      if (other.length) ctx.violation(`the fake does not implement timeline items ${other.join(', ')}`);
      const items = issue.labelEvents
        .filter((e) => types.includes(e.action === 'labeled' ? 'LABELED_EVENT' : 'UNLABELED_EVENT'))
        .map((e) => ({
          __typename: e.action === 'labeled' ? 'LabeledEvent' : 'UnlabeledEvent',
          actor: actorNode(e.actor),
          label: labelNode(state, repo, e.label) ?? { __typename: 'Label', name: e.label, color: 'ededed' },
          createdAt: e.at,
        }));
      return connection(items, args, ctx, `${where}.timelineItems`);
    },
  };
}

function repoNode(state: FakeState, repo: Repository, ctx: GraphqlContext): Node {
  return {
    __typename: 'Repository',
    id: `R_${repo.id}`,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    isFork: Boolean(repo.parent),
    owner: actorNode(repo.owner),
    defaultBranchRef: { __typename: 'Ref', name: repo.defaultBranch, prefix: 'refs/heads/', target: commitNode(state, repo.branches.get(repo.defaultBranch)!, repo, ctx) },
    object: (args: { expression?: string; oid?: string }) => gitObject(state, repo, args, ctx),
    label: ({ name }: { name: string }) => labelNode(state, repo, name),
    labels: (args: Node) =>
      connection(
        [...repo.labels.values()].map((l) => labelNode(state, repo, l.name)),
        args,
        ctx,
        `${repo.fullName}.labels`,
      ),
    pullRequest: ({ number }: { number: number }) => {
      const issue = repo.issues.get(number);
      if (!issue?.pull) throw new GraphQLError(`Could not resolve to a PullRequest with the number of ${number}.`, { extensions: { type: 'NOT_FOUND' } });
      return pullNode(state, repo, issue, ctx);
    },
  };
}

const fieldResolver: GraphQLFieldResolver<Node | null, GraphqlContext> = (source, args, ctx, info) => {
  if (source === null || source === undefined) return null;
  if (!(info.fieldName in source)) {
    ctx.violation(`the fake does not implement GraphQL field ${info.parentType.name}.${info.fieldName}`);
    return null;
  }
  const value = source[info.fieldName];
  return typeof value === 'function' ? (value as (a: unknown, c: unknown, i: unknown) => unknown)(args, ctx, info) : value;
};

/** Runs one GraphQL request: validation errors are violations; the result is GitHub's shape. */
export function runGraphql(
  state: FakeState,
  identity: Identity,
  request: { query?: unknown; variables?: unknown },
  violation: (problem: string) => void,
): { status: number; body: unknown } {
  if (typeof request.query !== 'string') {
    violation('GraphQL request without a query string');
    return { status: 400, body: { message: 'Problems parsing JSON' } };
  }
  if (identity.kind === 'anonymous' || identity.kind === 'app') {
    violation('GraphQL request without an installation or user token');
    return { status: 401, body: { message: 'This endpoint requires you to be authenticated.' } };
  }
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    violation(`GraphQL syntax error: ${(error as Error).message}`);
    return { status: 200, body: { errors: [{ message: (error as Error).message }] } };
  }
  const errors = validate(githubSchema(), document);
  if (errors.length) {
    violation(`GraphQL query invalid against GitHub's schema: ${errors.map((e) => e.message).join('; ')}`);
    return { status: 200, body: { errors: errors.map((e) => ({ message: e.message, locations: e.locations })) } };
  }
  const ctx: GraphqlContext = {
    state,
    viewer: identity.kind === 'installation' ? identity.bot : identity.user,
    violation,
  };
  const root: Node = {
    // Query.viewer is typed User; for an App installation GitHub answers with the bot's "name[bot]" login.
    viewer: () => (ctx.viewer ? { __typename: 'User', login: ctx.viewer.login, databaseId: ctx.viewer.id, id: `U_${ctx.viewer.id}` } : null),
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = state.repo(`${owner}/${name}`);
      if (!repo) throw new GraphQLError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, { extensions: { type: 'NOT_FOUND' } });
      return repoNode(state, repo, ctx);
    },
  };
  const result = execute({
    schema: githubSchema(),
    document,
    rootValue: root,
    contextValue: ctx,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    fieldResolver,
    typeResolver: (value) => (value as Node).__typename as string,
  });
  if (result instanceof Promise) throw new Error('the fake resolves GraphQL synchronously');
  const body: Record<string, unknown> = { data: result.data ?? null };
  if (result.errors?.length) {
    body.errors = result.errors.map((e) => ({ message: e.message, path: e.path, type: (e.extensions as { type?: string }).type ?? 'INTERNAL', locations: e.locations }));
    for (const e of result.errors) if (!(e.extensions as { type?: string }).type) violation(`GraphQL execution error: ${e.message}`);
  }
  return { status: 200, body };
}
