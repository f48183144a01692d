// Nothing is dropped silently: every legacy YAML value lands in an output file (where its text can
// be read) or in the report, on the fixtures and on random hand-edited-looking data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineCounter, parseDocument, visit } from 'yaml';
import { toString } from 'mdast-util-to-string';
import { importLegacy, parseFile, resourceTopics, type ImportResult, type SourceFile } from '#core';
import { checkout } from './legacy-fixtures.ts';

/** Every non-empty scalar value (not key) of a YAML text, with its 1-based place; none when invalid. */
function scalars(text: string): { line: number; column: number; text: string }[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, version: '1.1', uniqueKeys: false });
  if (doc.errors.length) return [];
  const out: { line: number; column: number; text: string }[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || node.value === null || String(node.value).trim() === '' || !node.range) return;
      const { line, col } = lines.linePos(node.range[0]);
      out.push({ line, column: col, text: String(node.value) });
    },
  });
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The title a record shows for a slug it refers to (what the site prints for a reference). */
function titleOf(result: ImportResult, folder: string, slug: string): string {
  const file = result.files.find((f) => f.path === `content/${folder}/${slug}.md`);
  const data = file ? parseFile({ path: file.path, content: file.text }).data : undefined;
  return typeof data?.title === 'string' ? data.title : slug;
}

/** What a reader can read of a written file: its front-matter strings (references as their titles) and its body's text. */
function readable(result: ImportResult, path: string): string {
  const file = result.files.find((f) => f.path === path);
  if (!file) return '';
  const parsed = parseFile({ path, content: file.text });
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') strings.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(parsed.data);
  const data = parsed.data ?? {};
  if (typeof data.topic === 'string') strings.push(resourceTopics[data.topic as keyof typeof resourceTopics] ?? data.topic);
  for (const key of Object.keys((data.action_areas as object) ?? {})) strings.push(titleOf(result, 'action-areas', key));
  for (const key of Object.keys((data.work_streams as object) ?? {})) strings.push(titleOf(result, 'work-streams', key));
  const body = parsed.tree ? { ...parsed.tree, children: parsed.tree.children.filter((n) => n.type !== 'yaml') } : undefined;
  return squash(`${strings.join(' ')} ${body ? toString(body) : ''}`);
}

/** Asserts the account: each scalar has a destination, and each destination shows its text. */
function expectAccounted(files: readonly SourceFile[], result: ImportResult): number {
  let checked = 0;
  for (const f of files) {
    if (!/\.ya?ml$/.test(f.path)) continue;
    if (f.path === '_data/colours.yml') continue; // an unknown data file is reported as a whole
    for (const s of scalars(String(f.content))) {
      const value = result.values.find((v) => v.file === f.path && v.line === s.line && v.column === s.column);
      expect(value, `${f.path}:${s.line}:${s.column} ${JSON.stringify(s.text)} has a destination`).toBeDefined();
      if ('path' in value!.to) {
        const text = readable(result, value!.to.path);
        for (const shown of value!.to.shows) expect(text, `${f.path}:${s.line} shows ${JSON.stringify(shown)} in ${value!.to.path}`).toContain(squash(shown));
      } else {
        const entry = result.report.entries.find((e) => e.file === f.path && e.line <= s.line);
        expect(entry, `${f.path}:${s.line} is in the report`).toBeDefined();
      }
      checked++;
    }
  }
  return checked;
}

describe('legacy import accounting', () => {
  it.each(['map', 'broken-yaml'])('gives every value of the %s fixture a destination that shows it', async (name) => {
    const files = await checkout(name);
    const result = importLegacy(files);
    expect(expectAccounted(files, result)).toBeGreaterThan(name === 'map' ? 100 : 5);
  });

  it('gives every value a destination on random stakeholder, glossary and resource data', () => {
    const word = fc.constantFrom('Records', 'skills', 'Employers &colon; all', 'a</p><p>b', 'LER', 'x ', '  trailing  ', 'Developing', 'promoting', '“quoted”');
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const maybeList = fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.constant(null));
    const section = fc.record(
      { title: fc.constantFrom('Developing', 'Issuing', 'Using', 'Adopting', 'Other'), subheader: text, description: text, bullets: maybeList },
      { requiredKeys: ['title'] },
    );
    const stakeholder = fc.record(
      {
        name: text,
        url: fc.constantFrom('employers', 'Not A Slug', 'funders'),
        definition: text,
        examples: maybeList,
        sections: fc.oneof(fc.array(section, { maxLength: 5 }), text, fc.constant(null)),
        'action-areas': fc.oneof(fc.array(fc.record({ title: fc.constantFrom('promoting', 'hiring'), bullets: maybeList }), { maxLength: 3 }), fc.constant(null)),
        'action-area': fc.array(fc.record({ title: text, bullets: maybeList }), { maxLength: 2 }),
        'business case': fc.array(fc.record({ title: text, description: text }, { requiredKeys: [] }), { maxLength: 3 }),
        'social-case': fc.oneof(text, fc.array(fc.record({ title: text, description: text }), { maxLength: 3 })),
        'quote-text': text,
        'quote-description': text,
        colour: text,
      },
      { requiredKeys: [] },
    );
    const term = fc.record({ term: text, definition: text, list: maybeList, extra: text }, { requiredKeys: [] });
    const site = fc.record({ title: text, author: text, url: fc.constantFrom('https://example.org/a', 'https://example.org/a', 'https://example.org/b'), note: text }, { requiredKeys: [] });
    const group = fc.record({ name: text, sites: fc.oneof(fc.array(site, { maxLength: 3 }), fc.constant(null)) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(stakeholder, { maxLength: 3 }), fc.array(term, { maxLength: 3 }), fc.array(group, { maxLength: 2 }), (stakeholders, terms, resources) => {
        const files: SourceFile[] = [
          { path: '_data/action-items-content.yml', content: 'actions:\n  - name: promoting\n    title: Promoting Adoption\n    description: Show what LERs do.\n' },
          { path: '_data/stakeholders-list.yml', content: JSON.stringify({ stakeholders }) },
          { path: '_data/glossary-list.yml', content: JSON.stringify({ terms }) },
          { path: '_data/resources-list.yml', content: JSON.stringify({ resources }) },
        ];
        expectAccounted(files, importLegacy(files));
      }),
      { numRuns: 150 },
    );
  });
});
