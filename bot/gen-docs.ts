// `npm run gen:docs [-- --check]`: writes the generated parts of CONTRIBUTING.md and
// docs/maintainers.md; with --check, lists the files that are out of date and exits 1.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedDocs } from './docs/generated-docs.ts';

const check = process.argv.includes('--check');
const root = process.cwd();
try {
  const stale = (await generatedDocs(root)).filter((doc) => doc.current !== doc.expected);
  if (check) {
    for (const doc of stale) console.log(`${doc.path}: out of date, expected the output of \`npm run gen:docs\``);
    process.exitCode = stale.length ? 1 : 0;
  } else {
    for (const doc of stale) await writeFile(join(root, doc.path), doc.expected);
    console.log(stale.length ? `Updated ${stale.map((d) => d.path).join(', ')}` : 'Generated docs are up to date');
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
