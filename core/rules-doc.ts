// Renders docs/rules.md from the rules themselves (id, severity, description, how to fix), so
// the reference never drifts from the code. `npm run gen:rules-doc` writes it; a test compares.
import type { Rule } from './rule.ts';
import { ruleGroups } from './rules/index.ts';

/** The command that regenerates the rules reference. */
export const rulesDocCommand = 'npm run gen:rules-doc';

function row(rule: Rule): string {
  return `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.fixable ? 'yes' : ''} | ${rule.description.replace(/\|/g, '\\|')} |`;
}

function section(rule: Rule): string {
  return [
    `### ${rule.id}`,
    '',
    `${rule.severity === 'error' ? 'Error' : 'Warning'}${rule.fixable ? ', fixable with `npm run check -- --fix` (where the fix is safe)' : ''}.`,
    '',
    rule.description,
    '',
    `**How to fix:** ${rule.help}`,
    '',
  ].join('\n');
}

/** The markdown of docs/rules.md for the given groups of rules (all rules by default). */
export function renderRulesDoc(groups: readonly { title: string; rules: readonly Rule[] }[] = ruleGroups): string {
  const count = groups.reduce((n, g) => n + g.rules.length, 0);
  return [
    '# Content rules',
    '',
    `<!-- Generated from core/rules/ by \`${rulesDocCommand}\`; edit the rules, not this file. -->`,
    '',
    `\`npm run check\` validates every file in \`content/\` against these ${count} rules, and the bot runs the`,
    "same rules on every pull request's changed content. Each problem is printed as",
    '`file:line:column: severity reason [rule-id]`, for example:',
    '',
    '```text',
    'content/stakeholders/employers.md:12:3: error Unexpected key "business case", expected "business_case" [unknown-key]',
    '```',
    '',
    'Errors must be fixed before content is merged; warnings point at likely mistakes. Words that are',
    'right but not in the dictionary (names, terms of the field) go in `content/.words.txt`, one per line.',
    '',
    '| rule | severity | fixable | what it checks |',
    '|---|---|---|---|',
    ...groups.flatMap((g) => g.rules.map(row)),
    '',
    ...groups.flatMap((g) => [`## ${g.title}`, '', ...g.rules.map(section)]),
  ].join('\n');
}
