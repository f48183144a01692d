// The labels sync against the fake GitHub: signed webhooks to Probot, OpenAPI-checked requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/index.ts';
import { labelsSync } from '../../bot/handlers/labels-sync.ts';
import { adjustPayload, examplePayload, startFakeGitHub, type FakeGitHub, type Repository } from '../fake-github/index.ts';
import { startApp, type RunningApp } from './harness.ts';
import { readLabelsFile } from '../../bot/labels-file.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const labelsYml = readFileSync(join(repoRoot, '.github/labels.yml'), 'utf8');
const wanted = readLabelsFile(labelsYml).labels;

let fake: FakeGitHub;
let bot: RunningApp;
let repo: Repository;
let installationId: number;

beforeEach(async () => {
  fake = await startFakeGitHub();
  repo = fake.state.createRepo('ler/map', { '.github/labels.yml': labelsYml, 'content/x.md': 'x\n' });
  installationId = fake.install('ler');
  bot = await startApp(fake, createApp({ features: [labelsSync] }));
});

afterEach(async () => {
  await bot.stop();
  await fake.stop();
  expect(fake.violations).toEqual([]);
});

function installationCreated() {
  const payload = examplePayload('installation', 'created');
  payload.installation = { ...payload.installation, id: installationId, account: { ...payload.installation.account, login: 'ler' } };
  payload.repositories = [{ id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: repo.fullName, private: false }];
  return payload;
}

function push(options: { ref?: string; files: string[]; after: string }) {
  const payload = examplePayload('push');
  payload.ref = options.ref ?? 'refs/heads/main';
  payload.after = options.after;
  payload.deleted = false;
  payload.commits = [{ ...payload.commits?.[0], id: options.after, added: [], removed: [], modified: options.files }];
  return adjustPayload(fake, payload, repo, fake.state.account('maintainer'), installationId);
}

const labelsOf = () => [...repo.labels.values()].map((l) => ({ name: l.name, color: l.color, description: l.description ?? '' }));
const writes = () => fake.log.filter((line) => !line.startsWith('GET ') && !line.includes('/access_tokens'));

describe('labels sync', () => {
  it('on installation creates every label of .github/labels.yml, fixes a wrong one and keeps people\'s labels', async () => {
    fake.state.createLabel(repo, 'needs info', '000000', 'old text');
    fake.state.createLabel(repo, 'my own label', '123456', 'a person made this');
    const response = await bot.deliver('installation', installationCreated());
    expect(response.status).toBe(200);
    expect(labelsOf()).toEqual(expect.arrayContaining([...wanted, { name: 'my own label', color: '123456', description: 'a person made this' }]));
    expect(repo.labels.size).toBe(wanted.length + 1);
    expect(writes()).toEqual([...Array(wanted.length - 1).fill('POST /repos/ler/map/labels'), 'PATCH /repos/ler/map/labels/needs%20info']);
  });

  it('changes nothing when delivered again', async () => {
    await bot.deliver('installation', installationCreated());
    fake.clearLog();
    await bot.deliver('installation', installationCreated());
    expect(writes()).toEqual([]);
  });

  it('applies the file again when a push to the default branch changes it, reading it at the pushed commit', async () => {
    await bot.deliver('installation', installationCreated());
    const changed = labelsYml.replace('color: fbca04', 'color: 00ff00');
    const commit = fake.state.push(repo, 'main', { '.github/labels.yml': changed });
    fake.clearLog();
    await bot.deliver('push', push({ files: ['.github/labels.yml'], after: commit.sha }));
    expect(fake.log).toContain(`GET /repos/ler/map/contents/.github%2Flabels.yml`);
    expect(fake.requests.find((r) => r.path.includes('/contents/'))?.query).toBe(`?ref=${commit.sha}`);
    expect(writes()).toEqual(['PATCH /repos/ler/map/labels/feedback']);
    expect(repo.labels.get('feedback')?.color).toBe('00ff00');
  });

  it('ignores pushes to other branches and pushes that do not touch the file', async () => {
    const commit = fake.state.push(repo, 'main', { 'content/x.md': 'y\n' });
    await bot.deliver('push', push({ files: ['content/x.md'], after: commit.sha }));
    await bot.deliver('push', push({ ref: 'refs/heads/feature', files: ['.github/labels.yml'], after: commit.sha }));
    expect(fake.log).toEqual([]);
  });

  it('changes no label from a file with mistakes, and says where they are in a failing check', async () => {
    const broken = `${labelsYml}\n- name: feedback\n  color: blue\n`;
    const commit = fake.state.push(repo, 'main', { '.github/labels.yml': broken });
    await bot.deliver('push', push({ files: ['.github/labels.yml'], after: commit.sha }));
    expect(repo.labels.size).toBe(0);
    const line = broken.split('\n').indexOf('  color: blue') + 1;
    expect(repo.checkRuns[0]?.summary).toContain(`- line ${line}, column 10: Unexpected color "blue", expected six hexadecimal digits such as "1d76db"`);
    expect(repo.checkRuns).toMatchObject([
      {
        name: 'Labels',
        headSha: commit.sha,
        conclusion: 'failure',
        title: '1 problem in .github/labels.yml',
        annotations: [{ path: '.github/labels.yml', start_line: line, annotation_level: 'failure', message: 'Unexpected color "blue", expected six hexadecimal digits such as "1d76db"' }],
      },
    ]);
  });

  it('leaves the labels alone in a repository without the file', async () => {
    const other = fake.state.createRepo('ler/other', { 'README.md': 'hi\n' });
    const payload = installationCreated();
    payload.repositories = [{ id: other.id, node_id: `R_${other.id}`, name: other.name, full_name: other.fullName, private: false }];
    await bot.deliver('installation', payload);
    expect(writes()).toEqual([]);
    expect(fake.log).toContain('GET /repos/ler/other/contents/.github%2Flabels.yml');
  });
});
