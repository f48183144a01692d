// too-few-items: lists have at least the number of items the model asks for.
import { defineRule } from '../rule.ts';
import { fieldName, schemaIssues, spanOf } from './schema-issues.ts';

export default defineRule({
  id: 'too-few-items',
  severity: 'error',
  description: 'Lists must have enough items (e.g. two business-case and two social-case value propositions).',
  help: 'Add items to the list until it has as many as the message asks for.',
  check({ file, report }) {
    for (const issue of schemaIssues(file)) {
      if (issue.code === 'too_small' && issue.origin === 'array' && Array.isArray(issue.input) && issue.input.length > 0) {
        const [start, end] = spanOf(file, issue.path, 'key');
        const n = issue.input.length;
        report({
          start,
          end,
          reason: `Unexpected ${n} item${n === 1 ? '' : 's'} in "${fieldName(issue.path)}", expected at least ${issue.minimum}`,
        });
      } else if (issue.code === 'custom' && issue.message.startsWith('at least')) {
        const [start, end] = spanOf(file, issue.path, 'key');
        report({ start, end, reason: `Unexpected empty "${fieldName(issue.path)}", expected ${issue.message}` });
      }
    }
  },
});
