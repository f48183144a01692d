// `npm run import -- <Jekyll checkout> [--out content/] [--format text|json] [--overwrite]`: imports
// the LER Ecosystem Map v2 (Jekyll data) into content files, then validates what it wrote.
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildIndex,
  checkParsed,
  createSpeller,
  formatImportReport,
  importLegacy,
  isLegacyInput,
  maxFileBytes,
  parseFile,
  parseWordList,
  readContentFiles,
  sortMessages,
  type Message,
  type SourceFile,
} from '#core';

const usage = `Usage: npm run import -- <path to a checkout of the Jekyll site> [--out content/] [--format text|json] [--overwrite]
Reads _data/*.yml, _stakeholders/*.md and the top-level *.md pages, writes one content file per
record under --out (default content/), prints what changed and what could not be mapped, and ends
with the validator's messages on the result. Existing files are not replaced without --overwrite.
Exit code: 0 when the result validates, 1 when the validator found errors, 2 when nothing was written.`;

/** The legacy files the importer reads, as raw bytes with checkout-relative paths. */
async function readCheckout(root: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const dir of ['', '_data', '_stakeholders']) {
    let names: string[];
    try {
      names = await readdir(join(root, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = dir ? `${dir}/${name}` : name;
      if (!isLegacyInput(path)) continue;
      const stat = await lstat(join(root, path));
      // A link could point outside the checkout; it is reported, never followed.
      if (stat.isSymbolicLink()) out.push({ path, content: '', unreadable: 'it is a symbolic link (links are never followed)' });
      else if (stat.size > maxFileBytes) out.push({ path, content: '', unreadable: `it has ${stat.size} bytes, more than ${maxFileBytes}` });
      else if (stat.isFile()) out.push({ path, content: await readFile(join(root, path)) });
    }
  }
  return out;
}

async function exists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content' },
      format: { type: 'string', default: 'text' },
      overwrite: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') {
    console.error(`Unexpected --format "${format}", expected "text" or "json"`);
    return 2;
  }
  if (positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  const checkout = resolve(positionals[0]!);
  const dataDir = await lstat(join(checkout, '_data')).catch(() => undefined);
  if (!dataDir?.isDirectory()) {
    console.error(`Cannot import ${positionals[0]}: it has no _data/ folder, expected a checkout of the LER Ecosystem Map Jekyll site`);
    return 2;
  }
  const result = importLegacy(await readCheckout(checkout));

  const outDir = resolve(values.out);
  const target = (path: string) => join(outDir, ...path.replace(/^content\//, '').split('/'));
  const clashes: string[] = [];
  for (const file of result.files) {
    const current = await exists(target(file.path));
    if (current !== undefined && current !== file.text) clashes.push(relative(process.cwd(), target(file.path)));
  }
  if (clashes.length > 0 && !values.overwrite) {
    console.error(`Nothing written: ${clashes.length} file${clashes.length === 1 ? '' : 's'} already exist with other content (use --overwrite to replace them, or another --out):`);
    for (const c of clashes) console.error(`  ${c}`);
    return 2;
  }
  for (const file of result.files) {
    await mkdir(dirname(target(file.path)), { recursive: true });
    await writeFile(target(file.path), file.text);
  }

  // Validate the result against everything now in the output folder (icons there count),
  // exactly as `npm run check` would if the folder were content/.
  const onDisk = (await readContentFiles(outDir, '.')).map((f) => ({ ...f, path: `content/${f.path}` }));
  const index = buildIndex(onDisk);
  const words = parseWordList((await exists(join(outDir, '.words.txt'))) ?? '');
  const speller = await createSpeller(words);
  const rel = relative(process.cwd(), outDir);
  const shown = (rel.startsWith('..') ? outDir : rel).split(sep).join('/') || '.';
  const messages: Message[] = [];
  for (const file of result.files) {
    const source = onDisk.find((f) => f.path === file.path) ?? { path: file.path, content: file.text };
    for (const m of checkParsed(parseFile(source), index, { speller })) {
      messages.push({ ...m, file: m.file.replace(/^content(?=\/)/, shown) });
    }
  }
  sortMessages(messages);
  console.log(formatImportReport(result.report, { messages, filesChecked: result.files.length }, format));
  return messages.some((m) => m.severity === 'error') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug in the importer or an unreadable disk gets here: say so plainly, without a stack trace.
    console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
