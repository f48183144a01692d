// duplicate-term: each glossary name (term, acronym or alias) is defined once across the glossary.
import { reportDuplicates } from '../duplicates.ts';
import { normaliseName } from '../known-names.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'duplicate-term',
  severity: 'error',
  description: 'A glossary term, acronym or alias is defined once across the glossary (case and punctuation ignored).',
  help: 'Merge the two entries into the first one, or remove the repeated alias or acronym.',
  check(context) {
    reportDuplicates(context, { kind: 'glossary-names', type: 'glossary', keys: ['term', 'acronym', 'aliases'], normalise: normaliseName, what: 'term' });
  },
});
