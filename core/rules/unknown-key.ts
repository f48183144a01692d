// unknown-key: every front-matter key must exist in the schema; suggests the nearest valid key.
import { defineRule } from '../rule.ts';
import { allowedKeys, schemaIssues, spanOf } from './schema-issues.ts';
import { nearest, normaliseKey } from '../text.ts';

export default defineRule({
  id: 'unknown-key',
  severity: 'error',
  description: 'Front-matter keys must be fields of the content model (misspelt keys are named with the nearest valid key).',
  help: 'Rename the key to the one suggested, or remove it; keys are snake_case and listed in docs/content-model.md.',
  fixable: true,
  check({ file, report }) {
    for (const issue of schemaIssues(file)) {
      if (issue.code !== 'unrecognized_keys') continue;
      const valid = allowedKeys(file, issue.path);
      for (const key of issue.keys) {
        const [start, end] = spanOf(file, [...issue.path, key], 'key');
        const best = nearest(key, valid);
        if (best) {
          // Only a difference of case, spaces or hyphens is a safe mechanical fix, and only when
          // the right key is not there already (renaming would make a duplicate key).
          let parent: unknown = file.data;
          for (const p of issue.path) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[p];
          const taken = !!parent && typeof parent === 'object' && Object.hasOwn(parent, best);
          const safe = normaliseKey(best) === normaliseKey(key) && !valid.includes(key) && !taken;
          report({
            start,
            end,
            reason: `Unexpected key "${key}", expected "${best}"`,
            expected: [best],
            fix: safe ? [{ start, end, text: best }] : undefined,
          });
        } else {
          report({
            start,
            end,
            reason: `Unexpected key "${key}", expected one of ${valid.map((k) => `"${k}"`).join(', ')}`,
            expected: valid,
          });
        }
      }
    }
  },
});
