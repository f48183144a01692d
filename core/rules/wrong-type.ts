// wrong-type: each field has the kind of value the schema wants (text, list, mapping, number).
import { defineRule } from '../rule.ts';
import { expectedKind, fieldName, kindOf, schemaIssues, spanOf } from './schema-issues.ts';

export default defineRule({
  id: 'wrong-type',
  severity: 'error',
  description: 'Values must have the expected kind: text, a list of "- " items, a mapping, or a number.',
  help: 'Write the kind of value the message asks for; put text containing ": " in double quotes.',
  fixable: true,
  check({ file, report }) {
    for (const issue of schemaIssues(file)) {
      if (issue.code !== 'invalid_type' || issue.input === undefined || issue.input === null) continue;
      const [start, spanEnd] = spanOf(file, issue.path);
      const got = kindOf(issue.input);
      const name = fieldName(issue.path);
      // Block values end after their line break; the message and fix cover the value only.
      const source = file.text.slice(start, spanEnd).replace(/\s+$/, '');
      const end = start + source.length;
      // The unquoted ": " trap: `Colleges: universities` is read as a mapping, not as text.
      if (issue.expected === 'string' && got.startsWith('mapping') && !source.includes('\n')) {
        report({
          start,
          end,
          reason: `Unexpected mapping for "${name}", expected text: a ": " inside a value starts a mapping, so put the whole value in double quotes`,
          fix: [{ start, end, text: JSON.stringify(source.trim()) }],
        });
        continue;
      }
      if (issue.expected === 'array' && typeof issue.input === 'string' && !source.includes('\n')) {
        report({
          start,
          end,
          reason: `Unexpected ${got} for "${name}", expected ${expectedKind('array')}`,
        });
        continue;
      }
      report({ start, end, reason: `Unexpected ${got} for "${name}", expected ${expectedKind(issue.expected)}` });
    }
  },
});
