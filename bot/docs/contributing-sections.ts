// The generated parts of CONTRIBUTING.md: issue forms, labels, and how to fix what each rule reports.
import type { Rule } from '#core';
import type { LabelSpec } from '../labels-file.ts';

/** An issue form as the contributor sees it on "New issue". */
export interface FormSummary {
  name: string;
  description: string;
}

/** Renders the three generated sections of CONTRIBUTING.md, keyed by marker name. */
export function contributingSections(input: { rules: readonly Rule[]; labels: readonly LabelSpec[]; forms: readonly FormSummary[] }): Record<'forms' | 'labels' | 'rules', string> {
  const forms = input.forms.map((f) => `- **${prose(f.name)}** — ${prose(f.description)}`).join('\n');
  const labels = ['| label | what it means |', '|---|---|', ...input.labels.map((l) => `| \`${l.name}\` | ${cell(prose(l.description))} |`)].join('\n');
  const rules = input.rules.map(ruleSection).join('\n\n');
  return { forms, labels, rules };
}

function ruleSection(rule: Rule): string {
  const kind = rule.severity === 'error' ? 'error — must be fixed' : 'warning — worth a look, does not block';
  const lines = [`### \`${rule.id}\``, '', `*${kind}.* ${prose(rule.description)}`, '', `**How to fix it:** ${prose(rule.help)}`];
  // Fixable rules are the ones the bot offers as one-click suggestions (on changed lines).
  if (rule.fixable) lines.push('', 'When the problem is on a line your pull request changed, the bot offers the fix as a suggestion: click **Commit suggestion**.');
  return lines.join('\n');
}

/**
 * Plain text from the rules and data files, shown as written: outside `code spans`, characters
 * markdown would read as HTML or emphasis (`<slug>`, `__proto__`) are escaped.
 */
function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : part.replace(/[\\<>*_[\]]/g, (c) => `\\${c}`)))
    .join('');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
