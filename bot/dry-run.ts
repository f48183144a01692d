// `npm run bot:dry-run -- --base <ref> --head <ref> [--format json]`: runs the content check's
// gather and decide on the local git repository and prints what the bot would post on GitHub.
import { parseArgs } from 'node:util';
import { dryRunReport, formatDryRun } from './act/dry-run-report.ts';
import { decidePullRequestCheck } from './decide/pull-request-check.ts';
import { DryRunError, gatherFromGit } from './local/gather-from-git.ts';
import { issueDryRunCli } from './dry-run-issue.ts';

const usage = `Usage: npm run bot:dry-run -- --base <ref> --head <ref> [--format text|json] [--draft] [--first-time]
Checks the changes from the merge base of <base> and <head> to <head> as the bot checks a pull
request, and prints the check, annotations, labels, comment and suggestions it would post.
The configuration (.github/ler-map.yml) is read from <base>, standing in for the default branch.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        format: { type: 'string', default: 'text' },
        draft: { type: 'boolean', default: false },
        'first-time': { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.base || !values.head) {
    console.error(`Missing --base or --head, expected both refs\n\n${usage}`);
    return 2;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    console.error(`Unexpected --format "${values.format}", expected "text" or "json"`);
    return 2;
  }
  const env = { now: () => new Date(), cache: new Map<string, unknown>() };
  const { snapshot, config } = await gatherFromGit(process.cwd(), values.base, values.head, env, { draft: values.draft, firstTime: values['first-time'] });
  const decision = decidePullRequestCheck(snapshot, config, env.now());
  if (!('outcome' in decision)) {
    console.log(`Nothing to check: ${decision.skipped}`);
    return 0;
  }
  console.log(values.format === 'json' ? JSON.stringify(dryRunReport(decision.outcome), null, 2) : formatDryRun(decision.outcome));
  return decision.outcome.conclusion === 'failure' ? 1 : 0;
}

// `--issue <file.json>` triages an issue instead (bot/dry-run-issue.ts).
(process.argv.includes('--issue') ? issueDryRunCli(process.argv.slice(2)) : main()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Say what went wrong in one line; a stack trace helps nobody running a dry run.
    console.error(error instanceof DryRunError ? error.message : `bot:dry-run failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
