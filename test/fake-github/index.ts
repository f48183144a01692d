// The local fake GitHub every bot test uses: a real HTTP server with an in-memory repository
// model whose every request is checked against GitHub's OpenAPI description or GraphQL schema.
export { Faults, faults, type Fault, type FaultRule, type SeenRequest } from './faults.ts';
export { FakeGitHub, startFakeGitHub, type FakeGitHubOptions, type LoggedRequest } from './server.ts';
export { FakeState, type Account, type CheckRun, type Comment, type Issue, type Label, type PullFile, type Repository, type Review } from './state.ts';
export type { FileChanges, SymlinkChange } from './git.ts';
export { unifiedDiff } from './diff.ts';
export { diffLines } from './rest/pulls.ts';
export { adjustPayload, checkRunPayload, checkSuitePayload, deliver, examplePayload, pullRequestPayload, signature } from './webhooks.ts';
export type { Route, RouteContext, RouteResult, Routes } from './rest/route.ts';
