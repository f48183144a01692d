// The bot's configuration, `.github/ler-map.yml` on the default branch: its schema (zod, with
// defaults and a description per key), and a reader that points at each problem's line.
// A feature adds its own section to `configSchema` below.
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { contentTypeNames, nearest, rulesById, type ContentTypeName } from '#core';
import { issuesConfigSchema } from './config-issues.ts';

/** Where the configuration lives, relative to the repository root. */
export const configPath = '.github/ler-map.yml';

const color = z
  .string()
  .regex(/^[0-9a-fA-F]{6}$/, 'six hex digits without "#", such as "d93f0b"')
  .describe('Six hex digits without "#"');

const label = (name: string, labelColor: string, description: string) =>
  z
    .strictObject({
      name: z.string().min(1).max(50).default(name).describe('The label as it appears on GitHub'),
      color: color.default(labelColor),
      description: z.string().max(100).default(description).describe('Shown when hovering over the label'),
    })
    .prefault({});

const sizeLabel = z.strictObject({
  name: z.string().min(1).max(50),
  color,
  description: z.string().max(100).default(''),
  below: z.int().positive().optional().describe('Used when fewer lines than this changed (leave out on the largest size)'),
});

const defaultSizes = [
  { name: 'size/XS', color: 'ededed', description: 'Fewer than 10 lines changed', below: 10 },
  { name: 'size/S', color: 'c5def5', description: '10 to 49 lines changed', below: 50 },
  { name: 'size/M', color: '84b6eb', description: '50 to 249 lines changed', below: 250 },
  { name: 'size/L', color: '1d76db', description: '250 to 999 lines changed', below: 1000 },
  { name: 'size/XL', color: '0052cc', description: '1000 or more lines changed' },
];

const severity = z.enum(['error', 'warning', 'off']);

const defaultWelcome =
  'Welcome, and thank you for your first contribution to the LER Ecosystem Map! ' +
  'A maintainer will review it soon. [CONTRIBUTING.md](../blob/HEAD/CONTRIBUTING.md) explains how content is written.';

/** The schema of `.github/ler-map.yml`. Unknown keys are errors; every key has a default. */
export const configSchema = z.strictObject({
  labels: z
    .strictObject({
      passing: label('check: passing', '2da44e', 'The content check found no errors'),
      needs_changes: label('check: needs changes', 'd93f0b', "The content check found errors to fix; see the bot's comment"),
      touches_code: label('touches code', 'b60205', 'Changes files outside content/ — review closely'),
      first_time_contributor: label('first-time contributor', '7057ff', "The author's first contribution here — welcome them"),
      content: z
        .strictObject({
          prefix: z.string().min(1).max(40).default('content: ').describe('Followed by the content type: "content: stakeholder", "content: work stream" …'),
          color: color.default('0e8a16'),
        })
        .prefault({})
        .describe('Labels naming the content types a pull request changes'),
      size: z
        .array(sizeLabel)
        .min(1)
        .default(defaultSizes)
        .refine((sizes) => sizes.slice(0, -1).every((s, i) => s.below !== undefined && (i === 0 || s.below > sizes[i - 1]!.below!)), {
          message: 'each size but the last needs "below", in increasing order',
        })
        .describe('Size labels by lines changed (added + removed), smallest first'),
    })
    .prefault({})
    .describe('Names, colours and descriptions of the labels the bot manages; it creates missing ones'),
  checks: z
    .strictObject({
      severity: z
        .record(z.string(), severity)
        .default({})
        .describe('Rule id → "error", "warning" or "off", overriding the rule\'s own severity (rule ids: CONTRIBUTING.md)'),
    })
    .prefault({})
    .describe('How the content check judges problems'),
  pull_requests: z
    .strictObject({
      label_drafts_needing_changes: z
        .boolean()
        .default(false)
        .describe('Whether draft pull requests with errors get the "needs changes" label (they are always checked)'),
      welcome: z.string().max(2000).default(defaultWelcome).describe("Markdown shown to first-time contributors in the bot's comment"),
    })
    .prefault({})
    .describe('Pull request checks'),
  issues: issuesConfigSchema.describe('Issue triage, maintainer commands, needs-info reminders and proposals (bot/config-issues.ts)'),
});

export type BotConfig = z.infer<typeof configSchema>;

/** The configuration when `.github/ler-map.yml` is missing. */
export const defaultConfig: BotConfig = configSchema.parse({});

/** A problem in the configuration file, at a 1-based line and column. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

/** The configuration read from a file's text: defaults filled in, or the problems found. */
export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; problems: ConfigProblem[] };

/** The label name of a content type ("content: work stream"). */
export function contentLabel(config: BotConfig, type: ContentTypeName): string {
  return `${config.labels.content.prefix}${type.replace(/-/g, ' ')}`;
}

/** Reads `.github/ler-map.yml` (undefined text: the file does not exist → defaults). */
export function readConfig(text: string | undefined): ConfigResult {
  if (text === undefined || text.trim() === '') return { ok: true, config: defaultConfig };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined, message: string): ConfigProblem => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { line, column: col, message };
  };
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((e) => at(e.pos[0], `Unexpected YAML: ${e.message.split('\n')[0]}`)) };
  }
  let data: unknown;
  try {
    // Aliases are never needed in this file and could expand without bound.
    data = doc.toJS({ maxAliasCount: 0 }) ?? {};
  } catch {
    return { ok: false, problems: [at(0, 'Unexpected YAML alias, expected every value written out')] };
  }
  const result = configSchema.safeParse(data);
  const problems: ConfigProblem[] = [];
  if (result.success) {
    for (const [rule, value] of Object.entries(result.data.checks.severity)) {
      if (rulesById.has(rule)) continue;
      const node = doc.getIn(['checks', 'severity'], true);
      const key = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === rule)?.key : undefined;
      const best = nearest(rule, [...rulesById.keys()]);
      problems.push(at((key as Node | undefined)?.range?.[0], `Unexpected rule "${rule}" (set to "${value}"), expected a rule id${best ? ` such as "${best}"` : ''}`));
    }
    return problems.length ? { ok: false, problems } : { ok: true, config: result.data };
  }
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const where = path.length ? path.join('.') : 'the file';
    if (issue.code === 'unrecognized_keys') {
      const parent = path.length ? doc.getIn(path, true) : doc.contents;
      for (const key of issue.keys) {
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
        const allowed = allowedKeysAt(path);
        const best = nearest(key, allowed);
        problems.push(
          at((pair?.key as Node | undefined)?.range?.[0], `Unexpected key "${key}"${path.length ? ` in ${where}` : ''}, expected ${best ? `"${best}"` : `one of ${allowed.map((k) => `"${k}"`).join(', ')}`}`),
        );
      }
      continue;
    }
    const node = nodeAt(doc, path);
    const value = isScalar(node) && node.range?.[0] === (doc.getIn(path, true) as Node | undefined)?.range?.[0] ? ` ${JSON.stringify(node.value)}` : ' value';
    problems.push(at(node?.range?.[0], `Unexpected${value} at ${where}, expected ${expectation(issue)}`));
  }
  return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** What a schema issue wanted, in words. */
function expectation(issue: z.core.$ZodIssue): string {
  const kinds: Record<string, string> = { boolean: 'true or false', string: 'text', number: 'a number', int: 'a whole number', array: 'a list', object: 'a mapping (`key: value` lines)', record: 'a mapping (`key: value` lines)' };
  switch (issue.code) {
    case 'invalid_type':
      return kinds[issue.expected] ?? issue.expected;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}` : `at least ${issue.minimum}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return issue.origin === 'array' ? `at most ${issue.maximum} items` : `at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** The deepest node that exists along a path (so a problem inside a missing key points at its parent). */
function nodeAt(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n ? doc.getIn(path.slice(0, n), true) : doc.contents;
    if (node && typeof node === 'object' && 'range' in node) return node as Node;
  }
  return undefined;
}

/** The keys allowed at a path of the schema, for "did you mean" messages. */
function allowedKeysAt(path: (string | number)[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const p of path) {
    let def = (schema as unknown as { def: Record<string, any> }).def;
    while (def.type === 'default' || def.type === 'prefault' || def.type === 'optional' || def.type === 'pipe') def = (def.innerType ?? def.in).def;
    if (def.type === 'object') schema = def.shape[p];
    else if (def.type === 'array') schema = def.element;
    else return [];
    if (!schema) return [];
  }
  let def = (schema as unknown as { def: Record<string, any> }).def;
  while (def.type === 'default' || def.type === 'prefault' || def.type === 'optional' || def.type === 'pipe') def = (def.innerType ?? def.in).def;
  return def.type === 'object' ? Object.keys(def.shape) : [];
}

/** Every label name the bot manages under a configuration (it may add and remove only these). */
export function managedLabels(config: BotConfig): { name: string; color: string; description: string }[] {
  const l = config.labels;
  return [
    l.passing,
    l.needs_changes,
    l.touches_code,
    l.first_time_contributor,
    ...contentTypeNames.map((t) => ({ name: contentLabel(config, t), color: l.content.color, description: `Changes ${t.replace(/-/g, ' ')} content` })),
    ...l.size.map((s) => ({ name: s.name, color: s.color, description: s.description })),
  ];
}
