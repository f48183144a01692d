// `npm run check [-- files…] [--format human|json|github] [--fix]`: validates content/.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  applyFixes,
  buildIndex,
  checkScope,
  checkSource,
  checkSources,
  createSpeller,
  decode,
  formatGithub,
  formatHuman,
  formatJson,
  readContentFiles,
  readProjectWords,
  readSourceFiles,
  projectWordsFile,
  sortMessages,
  type Message,
  type SourceFile,
} from '#core';

const usage = `Usage: npm run check -- [files…] [--format human|json|github] [--fix]
Validates the content files (all of content/ by default) against the content model.`;

/** Fixes can overlap (a key moved and a space removed in it); a few passes settle them. */
const maxFixPasses = 5;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string', default: 'human' }, fix: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const format = values.format;
  if (format !== 'human' && format !== 'json' && format !== 'github') {
    console.error(`Unexpected --format "${format}", expected "human", "json" or "github"`);
    return 2;
  }
  const root = process.cwd();
  const all = await readContentFiles(root);
  // Named files are checked against the index of all content, updated with their current text.
  const named = positionals.length ? await readSourceFiles(root, positionals).catch((e: NodeJS.ErrnoException) => e) : undefined;
  if (named instanceof Error) {
    console.error(`Cannot read ${named.path ?? 'a file'}: ${named.code ?? named.message}`);
    return 2;
  }
  const index = buildIndex(all);
  const targets = (named ?? all).filter((f) => checkScope(f.path) || f.path.endsWith('.md'));
  const speller = await createSpeller(await readProjectWords(root));
  const messages: Message[] = [];
  let fixed = 0;
  const firstPass = checkSources(targets, index, { speller });
  for (const [i, source] of targets.entries()) {
    let current: SourceFile = source;
    let found = firstPass[i]!;
    for (let pass = 0; values.fix && pass < maxFixPasses && found.some((m) => m.fix); pass++) {
      const decoded = decode(current.content);
      if (!('text' in decoded)) break;
      // Fix offsets are into the parsed text, which never includes a byte-order mark.
      const text = decoded.text.replace(/^\uFEFF/, '');
      const result = applyFixes(text, found);
      if (result.text === decoded.text) break;
      await writeFile(source.path, result.text);
      fixed += result.applied;
      current = { path: source.path, content: await readFile(source.path) };
      found = checkSource(current, index, { speller });
    }
    messages.push(...found);
  }
  sortMessages(messages);
  const print = format === 'json' ? formatJson : format === 'github' ? formatGithub : formatHuman;
  console.log(print(messages, targets.length));
  if (values.fix && format === 'human') console.log(`${fixed} fix${fixed === 1 ? '' : 'es'} applied; words can be added to ${projectWordsFile}`);
  return messages.some((m) => m.severity === 'error') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug in the checker itself gets here: say so plainly, without a stack trace.
    console.error(`check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
