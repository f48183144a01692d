// empty-value: fields are not left empty (null, "" or an empty list where items are needed).
import { defineRule } from '../rule.ts';
import { expectedKind, fieldName, schemaIssues, spanOf } from './schema-issues.ts';

export default defineRule({
  id: 'empty-value',
  severity: 'error',
  description: 'Fields must not be empty: write the value after the colon, or remove an optional key.',
  help: 'Write the value after the colon (or the list items below the key), or delete an optional key.',
  check({ file, report }) {
    for (const issue of schemaIssues(file)) {
      const isNull = issue.code === 'invalid_type' && issue.input === null;
      const isEmptyText = issue.code === 'too_small' && issue.origin === 'string';
      const isEmptyList = issue.code === 'too_small' && issue.origin === 'array' && Array.isArray(issue.input) && issue.input.length === 0;
      if (!isNull && !isEmptyText && !isEmptyList) continue;
      const [start, end] = spanOf(file, issue.path, isNull ? 'key' : 'value');
      const wanted = issue.code === 'invalid_type' ? expectedKind(issue.expected) : isEmptyText ? 'text' : 'at least one item';
      report({ start, end, reason: `Unexpected empty value for "${fieldName(issue.path)}", expected ${wanted}` });
    }
  },
});
