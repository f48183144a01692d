// duplicate-url: a resource URL is listed once (scheme, "www.", trailing slash and #fragment ignored).
import { reportDuplicates } from '../duplicates.ts';
import { defineRule } from '../rule.ts';
import { normaliseUrl } from '../urls.ts';

export default defineRule({
  id: 'duplicate-url',
  severity: 'error',
  description: 'Resource URLs are unique (scheme, "www.", a trailing slash and the #fragment ignored).',
  help: 'Keep one entry for the page; remove the other resource file or point it at a different publication.',
  check(context) {
    reportDuplicates(context, { kind: 'resource-urls', type: 'resource', keys: ['url'], normalise: normaliseUrl, what: 'URL' });
  },
});
