// Computes CONTRIBUTING.md and docs/maintainers.md with their generated parts up to date, from
// the rules (core), the labels file, the issue forms, the config schema and the command list.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { rules } from '#core';
import { configSchema } from '../config.ts';
import { formKindsByFile, formsFolder } from '../issue-forms/form-template.ts';
import { labelsFilePath, readLabelsFile } from '../labels-file.ts';
import { commandHelp } from '../messages/issues.ts';
import { configReference, type JsonSchemaNode } from './config-reference.ts';
import { contributingSections, type FormSummary } from './contributing-sections.ts';
import { replaceGeneratedSection } from './generated-section.ts';

/** A generated document: its path (relative to the root), the text on disk and the text it should have. */
export interface GeneratedDoc {
  path: string;
  current: string;
  expected: string;
}

/** Reads the sources under `root` and returns each document as it is and as it should be. */
export async function generatedDocs(root: string): Promise<GeneratedDoc[]> {
  const read = (path: string) => readFile(join(root, path), 'utf8');
  const labels = readLabelsFile(await read(labelsFilePath));
  if (labels.problems.length) {
    const [p] = labels.problems;
    throw new Error(`${labelsFilePath}:${p!.line}:${p!.column}: ${p!.message}`);
  }
  const forms = await readForms(root);

  const contributingPath = 'CONTRIBUTING.md';
  const contributing = await read(contributingPath);
  let expectedContributing = contributing;
  for (const [name, content] of Object.entries(contributingSections({ rules, labels: labels.labels, forms }))) {
    expectedContributing = replaceGeneratedSection(expectedContributing, name, content, contributingPath);
  }

  const maintainersPath = 'docs/maintainers.md';
  const maintainers = await read(maintainersPath);
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const commands = ['| command | what it does |', '|---|---|', ...commandHelp.map(([command, what]) => `| \`${command}\` | ${what.replace(/\|/g, '\\|')} |`)].join('\n');
  let expectedMaintainers = replaceGeneratedSection(maintainers, 'config', configReference(schema), maintainersPath);
  expectedMaintainers = replaceGeneratedSection(expectedMaintainers, 'commands', commands, maintainersPath);

  return [
    { path: contributingPath, current: contributing, expected: expectedContributing },
    { path: maintainersPath, current: maintainers, expected: expectedMaintainers },
  ];
}

/** The issue forms in the order the bot knows them, with the name and description GitHub shows. */
async function readForms(root: string): Promise<FormSummary[]> {
  const present = new Set(await readdir(join(root, formsFolder)).catch(() => [] as string[]));
  const forms: FormSummary[] = [];
  for (const file of Object.keys(formKindsByFile)) {
    if (!present.has(file)) continue;
    const data = parse(await readFile(join(root, formsFolder, file), 'utf8')) as { name?: unknown; description?: unknown };
    if (typeof data?.name !== 'string') throw new Error(`${formsFolder}/${file}: missing "name", expected the form's title`);
    forms.push({ name: data.name, description: typeof data.description === 'string' ? data.description : '' });
  }
  return forms;
}
