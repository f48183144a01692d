// duplicate-title: a resource is listed once: no two resources have the same title once case,
// punctuation and spacing are ignored.
import { reportDuplicates } from '../duplicates.ts';
import { normaliseName } from '../known-names.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'duplicate-title',
  severity: 'error',
  description: 'Resource titles are unique (case, punctuation and spacing ignored).',
  help: 'Keep one entry for the publication; if the two are really different, make the titles say how.',
  check(context) {
    reportDuplicates(context, { kind: 'resource-titles', type: 'resource', keys: ['title'], normalise: normaliseName, what: 'title' });
  },
});
