// Loads the data-driven rule fixtures (test/fixtures/rules/<rule-id>/) and checks them the way
// `npm run check` does: against an index of a small base content set plus the fixture's files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildIndex, checkFiles, createSpeller, parseWordList, type Message, type SourceFile, type Speller } from '#core';

export const fixturesRoot = join(import.meta.dirname, '..', 'fixtures', 'rules');
export const baseRoot = join(import.meta.dirname, '..', 'fixtures', 'base-content');

/** Every file under a folder as raw bytes, with paths relative to it (word lists left out). */
export function readTree(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== '.words.txt') out.push({ path: relative(root, full).split(sep).join('/'), content: readFileSync(full) });
    }
  };
  walk(root);
  return out;
}

/** The files of one side of a fixture: `ok.md` (checked as content/pages/ok.md) or an `ok/` tree. */
export function fixtureFiles(ruleId: string, side: 'ok' | 'not-ok'): SourceFile[] {
  const dir = join(fixturesRoot, ruleId);
  const single = join(dir, `${side}.md`);
  if (existsSync(single)) return [{ path: `content/pages/${side}.md`, content: readFileSync(single) }];
  const tree = join(dir, side);
  return existsSync(tree) ? readTree(tree) : [];
}

/** The printed messages a fixture must produce (`not-ok.txt`, one per line). */
export function expectedLines(ruleId: string): string[] {
  const file = join(fixturesRoot, ruleId, 'not-ok.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '') : [];
}

let speller: Promise<Speller> | undefined;
/** The speller of the fixtures: the English dictionary plus the base content's word list. */
export function fixtureSpeller(): Promise<Speller> {
  speller ??= createSpeller(parseWordList(readFileSync(join(baseRoot, 'content', '.words.txt'), 'utf8')));
  return speller;
}

/** The base content with the fixture's files added (a fixture file replaces a base file of the same path). */
export function withBase(files: readonly SourceFile[]): SourceFile[] {
  const byPath = new Map(readTree(baseRoot).map((f) => [f.path, f]));
  for (const f of files) byPath.set(f.path, f);
  return [...byPath.values()];
}

/** Checks fixture files against the base content plus themselves; returns every message. */
export async function checkFixture(files: readonly SourceFile[]): Promise<Message[]> {
  const index = buildIndex(withBase(files));
  return checkFiles(files, index, { speller: await fixtureSpeller() });
}
