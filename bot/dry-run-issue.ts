// `npm run bot:dry-run -- --issue <file.json> [--issue …] [--format json]`: triages issues from
// JSON files against the local checkout (content index, issue forms, .github/ler-map.yml) and
// prints the labels and acknowledgement the bot would post, without GitHub.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildIndex, readContentFiles } from '#core';
import { configPath, readConfig } from './config.ts';
import type { IssuesConfig } from './config-issues.ts';
import { decideIssueTriage, type OtherIssue } from './decide/issue-triage.ts';
import { formsFolder, parseFormTemplate, type FormTemplate } from './issue-forms/form-template.ts';
import { ContentMatcher } from './triage/content-matcher.ts';

/** The file a dry run reads: an issue as a person would file it. */
const issueFileSchema = z.object({
  title: z.string(),
  body: z.string().nullable().default(''),
  author_association: z.string().default('NONE'),
  template: z.string().optional(),
  author: z.string().regex(/^[A-Za-z0-9-]+$/).default('contributor'),
  labels: z.array(z.string()).default([]),
  number: z.int().positive().default(1_000_000),
  /** Other open issues, to show possible duplicates without GitHub. */
  open_issues: z
    .array(z.object({ number: z.int().positive(), title: z.string(), body: z.string().nullable().default(''), labels: z.array(z.string()).default([]) }))
    .default([]),
});

export interface IssueDryRunResult {
  labels: string[];
  comment: string;
  duplicates: Array<{ number: number; title: string; score: number }>;
}

/** The issue forms of a checkout. */
export async function readLocalForms(root: string): Promise<FormTemplate[]> {
  const dir = join(root, formsFolder);
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const out: FormTemplate[] = [];
  for (const name of names) {
    const template = parseFormTemplate(name, await readFile(join(dir, name), 'utf8'));
    if (template) out.push(template);
  }
  return out;
}

/** The `issues:` section of the checkout's .github/ler-map.yml, with defaults; problems are thrown as one message. */
export async function readLocalIssuesConfig(root: string): Promise<IssuesConfig> {
  const text = await readFile(join(root, configPath), 'utf8').catch(() => undefined);
  const result = readConfig(text);
  if (!result.ok) throw new Error(result.problems.map((p) => `${configPath}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  return result.config.issues;
}

/** Triage of one issue file against a checkout. */
export async function dryRunIssue(
  file: string,
  context: { matcher: ContentMatcher; templates: FormTemplate[]; config: IssuesConfig; now: Date },
): Promise<IssueDryRunResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(error as Error).message})`}`);
  }
  const parsed = issueFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`${file}: ${first.path.join('.') || 'the file'}: ${first.message}`);
  }
  const input = parsed.data;
  const openIssues: OtherIssue[] = input.open_issues.map((o) => ({ ...o, body: o.body ?? '' }));
  const plan = decideIssueTriage(
    {
      repo: { owner: 'digitalcredentials', name: 'ler-ecosystem-map', defaultBranch: 'main' },
      issue: {
        number: input.number,
        title: input.title,
        body: input.body ?? '',
        state: 'open',
        author: { login: input.author, id: 1 },
        authorAssociation: input.author_association,
        labels: input.labels,
      },
      ...(input.template ? { template: input.template } : {}),
      authorCommentTimes: [],
      editedByAuthor: false,
      templates: context.templates,
      openIssues,
    },
    context.matcher,
    context.config,
    context.now,
  );
  return { labels: plan.labels, comment: plan.comment, duplicates: plan.duplicates };
}

/** Runs the dry run for issue files and prints the result; returns the exit code. */
export async function runIssueDryRun(files: string[], format: 'human' | 'json', root = process.cwd()): Promise<number> {
  let config: IssuesConfig;
  try {
    config = await readLocalIssuesConfig(root);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const index = buildIndex(await readContentFiles(root));
  const context = { matcher: new ContentMatcher(index, { siteUrl: config.site_url }), templates: await readLocalForms(root), config, now: new Date() };
  const results: Array<IssueDryRunResult & { file: string }> = [];
  for (const file of files) {
    try {
      results.push({ file, ...(await dryRunIssue(file, context)) });
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
  }
  if (format === 'json') {
    const plain = results.map(({ labels, comment, duplicates }) => ({ labels, comment, duplicates }));
    console.log(JSON.stringify(files.length === 1 ? plain[0] : results, null, 2));
    return 0;
  }
  for (const r of results) {
    if (files.length > 1) console.log(`== ${r.file}`);
    console.log(`Labels: ${r.labels.join(', ') || '(none)'}`);
    console.log(`Possible duplicates: ${r.duplicates.map((d) => `#${d.number} (${d.score})`).join(', ') || '(none)'}`);
    console.log('Comment:');
    console.log(r.comment);
  }
  return 0;
}

/** Command line: `--issue <file>` (repeatable) and `--format human|json`; returns the exit code. */
export async function issueDryRunCli(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { issue: { type: 'string', multiple: true }, format: { type: 'string', default: 'human' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${issueUsage}`);
    return 2;
  }
  // "text" is accepted too, as the pull request dry run calls its human format.
  const format = values.format === 'text' ? 'human' : values.format;
  if (!values.issue?.length || (format !== 'human' && format !== 'json')) {
    console.error(issueUsage);
    return 2;
  }
  return runIssueDryRun(values.issue, format);
}

const issueUsage = `Usage: npm run bot:dry-run -- --issue <file.json> [--issue …] [--format human|json]
The file holds {"title", "body", "author_association"} and optionally "template" (a form file
name such as "feedback.yml"), "labels" and "open_issues" (for possible duplicates). Prints the
labels and the acknowledgement the bot would post, using this checkout's content and forms.`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await issueDryRunCli(process.argv.slice(2));
