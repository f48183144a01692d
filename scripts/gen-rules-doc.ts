// `npm run gen:rules-doc`: writes docs/rules.md from the rules (ids, severities, descriptions, help).
import { writeFile } from 'node:fs/promises';
import { renderRulesDoc, rules } from '#core';

await writeFile('docs/rules.md', renderRulesDoc());
console.log(`Wrote docs/rules.md (${rules.length} rules)`);
