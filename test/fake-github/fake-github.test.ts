// The fake GitHub itself: it must reject what GitHub would reject, so bot tests can trust it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Octokit } from '@octokit/core';
import { createAppAuth } from '@octokit/auth-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, unifiedDiff, type FakeGitHub } from './index.ts';

let fake: FakeGitHub;
let octokit: Octokit;
let installationId: number;

beforeAll(async () => {
  fake = await startFakeGitHub();
  const repo = fake.state.createRepo('ler/map', { 'content/a.md': 'one\ntwo\nthree\n', 'README.md': 'hi\n' });
  fake.state.push(repo, 'change', { 'content/a.md': 'one\n2\nthree\n' });
  fake.state.openPullRequest(repo, { head: 'change', user: 'alice' });
  installationId = fake.install('ler');
  octokit = new Octokit({
    baseUrl: fake.url,
    authStrategy: createAppAuth,
    auth: { appId: fake.app.id, privateKey: fake.app.privateKey, installationId },
  });
});

afterAll(async () => {
  await fake.stop();
});

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('fake GitHub', () => {
  it('authenticates an App installation and serves a valid request', async () => {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'ler', repo: 'map', pull_number: 1 });
    expect(data.map((f) => [f.filename, f.status, f.patch])).toEqual([['content/a.md', 'modified', '@@ -1,3 +1,3 @@\n one\n-two\n+2\n three']]);
    expect(fake.log).toEqual(['POST /app/installations/' + installationId + '/access_tokens', 'GET /repos/ler/map/pulls/1/files']);
    expect(fake.violations).toEqual([]);
  });

  it('fails and records an unknown route, a wrong method and an invalid body', async () => {
    const before = fake.violations.length;
    expect(await status(octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: 'ler', repo: 'map' }))).toBe(404);
    expect(await status(octokit.request('DELETE /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'ler', repo: 'map', pull_number: 1 }))).toBe(404);
    expect(
      await status(
        octokit.request('POST /repos/{owner}/{repo}/check-runs', {
          owner: 'ler',
          repo: 'map',
          name: 'x',
          head_sha: 'abc',
          output: { title: 't', summary: 's', annotations: [{ path: 'a', start_line: 1, end_line: 1, annotation_level: 'fatal', message: 'm' }] },
        } as never),
      ),
    ).toBe(422);
    const added = fake.violations.slice(before);
    expect(added).toHaveLength(3);
    expect(added[0]).toMatch(/no operation of GitHub's REST API matches GET \/repos\/ler\/map\/no-such-thing/);
    expect(added[1]).toMatch(/wrong method DELETE/);
    expect(added[2]).toMatch(/checks\/create: request body: \/output\/annotations\/0\/annotation_level must be equal to one of the allowed values/);
    fake.violations.length = before;
  });

  it('rejects a review comment outside the diff, as GitHub does', async () => {
    const before = fake.violations.length;
    const comment = (line: number) => ({ owner: 'ler', repo: 'map', pull_number: 1, event: 'COMMENT' as const, body: 'b', comments: [{ path: 'content/a.md', line, side: 'RIGHT', body: 'x' }] });
    expect(await status(octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', comment(2)))).toBe(200);
    expect(await status(octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', comment(9)))).toBe(422);
    expect(fake.violations.slice(before)).toEqual([expect.stringMatching(/review rejected: line 9 of content\/a.md is not part of the diff/)]);
    fake.violations.length = before;
  });

  it('validates GraphQL queries against GitHub’s schema and answers valid ones', async () => {
    const before = fake.violations.length;
    const query = `query($o: String!, $r: String!) { repository(owner: $o, name: $r) { object(expression: "HEAD:README.md") { ... on Blob { text } } pullRequest(number: 1) { headRefOid files: changedFiles } } }`;
    const result = await octokit.graphql<{ repository: { object: { text: string }; pullRequest: { files: number } } }>(query, { o: 'ler', r: 'map' });
    expect(result.repository.object.text).toBe('hi\n');
    expect(result.repository.pullRequest.files).toBe(1);
    await expect(octokit.graphql('query { repository(owner: "ler", name: "map") { noSuchField } }')).rejects.toThrow(/noSuchField/);
    await expect(octokit.graphql('query { repository(owner: "ler", name: "map") { labels { nodes { name } } } }')).rejects.toThrow(/first/);
    expect(fake.violations.slice(before)).toEqual([
      expect.stringMatching(/Cannot query field "noSuchField" on type "Repository"/),
      expect.stringMatching(/requires a `first` or `last` value/),
    ]);
    fake.violations.length = before;
  });

  it('redirects tarball downloads to the download host, as GitHub does', async () => {
    const response = await octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', { owner: 'ler', repo: 'map', ref: 'main' });
    expect(response.status).toBe(200);
    expect(Buffer.from(response.data as ArrayBuffer).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fake.log.slice(-2)).toEqual(['GET /repos/ler/map/tarball/main', expect.stringMatching(/^GET \/_codeload\/ler\/map\/legacy\.tar\.gz\/[0-9a-f]{40}$/)]);
    expect(fake.violations).toEqual([]);
  });
});

describe('unified diffs', () => {
  it('are patches git applies to turn the old text into the new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-diff-'));
    const line = fc.constantFrom('a', 'b', 'c', 'd', '', 'e f');
    const text = fc.tuple(fc.array(line, { maxLength: 12 }), fc.boolean()).map(([lines, nl]) => (lines.length ? lines.join('\n') + (nl ? '\n' : '') : ''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ours = unifiedDiff(a, b);
        if (a === b) return ours === '';
        writeFileSync(join(dir, 'f'), a);
        writeFileSync(join(dir, 'p'), `--- a/f\n+++ b/f\n${ours}\n`);
        execFileSync('git', ['apply', '--unidiff-zero', 'p'], { cwd: dir });
        return readFileSync(join(dir, 'f'), 'utf8') === b;
      }),
      { numRuns: 200 },
    );
  });

  it('look like git’s for a simple change', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc')).toBe('@@ -1,3 +1,3 @@\n a\n-b\n-c\n+B\n+c\n\\ No newline at end of file');
    expect(unifiedDiff('', 'x\ny\n')).toBe('@@ -0,0 +1,2 @@\n+x\n+y');
  });
});
