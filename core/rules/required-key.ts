// required-key: every required field is present.
import { defineRule } from '../rule.ts';
import { fieldName, schemaIssues, spanOf } from './schema-issues.ts';

export default defineRule({
  id: 'required-key',
  severity: 'error',
  description: 'Required fields must be present (the message names the missing key).',
  help: "Add the missing key with its value; docs/content-model.md shows every type's fields.",
  check({ file, report }) {
    for (const issue of schemaIssues(file)) {
      // A missing enum field comes as invalid_value with no input; it is missing, not wrong.
      if ((issue.code !== 'invalid_type' && issue.code !== 'invalid_value') || issue.input !== undefined) continue;
      const key = String(issue.path.at(-1));
      const parent = issue.path.slice(0, -1);
      const [start, end] = parent.length ? spanOf(file, parent, 'key') : [0, 3];
      const where = parent.length ? ` under "${fieldName(parent)}"` : '';
      report({ start, end, reason: `Missing key "${key}"${where}, expected it to be filled in`, expected: [key] });
    }
  },
});
