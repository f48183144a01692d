// allowed-value: fields with a fixed vocabulary hold one of its values; the message lists them.
import { defineRule } from '../rule.ts';
import { fieldName, schemaIssues, spanOf } from './schema-issues.ts';
import { listValues, nearest } from '../text.ts';

export default defineRule({
  id: 'allowed-value',
  severity: 'error',
  description: 'Fields with a fixed list of values (topic, kind, role) must use one of them.',
  help: 'Use one of the values listed in the message, spelt exactly as shown.',
  check({ file, report }) {
    for (const issue of schemaIssues(file)) {
      if (issue.code === 'invalid_value' && issue.input !== undefined) {
        const [start, end] = spanOf(file, issue.path);
        const values = issue.values.map(String);
        const best = nearest(String(issue.input), values);
        const hint = best ? ` (did you mean "${best}"?)` : '';
        report({
          start,
          end,
          reason: `Unexpected "${String(issue.input)}" for "${fieldName(issue.path)}", expected ${listValues(values)}${hint}`,
          expected: values,
        });
      } else if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
        const [start, end] = spanOf(file, issue.path);
        const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
        report({ start, end, reason: `Unexpected ${String(issue.input)} for "${fieldName(issue.path)}", expected a number ${bound}` });
      }
    }
  },
});
