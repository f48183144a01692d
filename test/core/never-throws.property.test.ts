// Property: whatever the input — real content files mutated at random, random YAML, random
// bytes — parsing and checking never throw, no rule fails internally, and every message points
// at a real line and column of the file.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildIndex,
  checkParsed,
  createSpeller,
  parseContentTree,
  parseFile,
  parseMarkdown,
  readContentFiles,
  readProjectWords,
  updateIndex,
  type ContentIndex,
  type SourceFile,
  type Speller,
} from '#core';
import { repo } from './run-check.ts';

let files: { path: string; text: string }[];
let index: ContentIndex;
let speller: Speller;

beforeAll(async () => {
  const all = await readContentFiles(repo);
  index = buildIndex(all);
  files = all.filter((f) => f.path.endsWith('.md')).map((f) => ({ path: f.path, text: Buffer.from(f.content).toString('utf8') }));
  speller = await createSpeller(await readProjectWords(repo));
});

/** Characters that mean something to YAML, markdown or the text rules. */
const tricky = fc.constantFrom(...':-#&*!|>\'"%@`{}[],?\n\r\t \\<>_~()/.'.split(''), '\u0000', '\u200b', '\u00a0', '\ufeff', '\u202e', '---\n', '&amp;', 'http://', ' a LER', 'TODO', '\ud800');
const insertion = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 }), tricky, fc.array(tricky, { maxLength: 6 }).map((a) => a.join('')));

type Mutation = { kind: 'delete'; at: number; length: number } | { kind: 'insert'; at: number; text: string } | { kind: 'shuffle'; seed: number } | { kind: 'swap'; a: number; b: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'shuffle': {
      const lines = text.split('\n');
      let s = m.seed || 1;
      for (let i = lines.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return lines.join('\n');
    }
    case 'swap': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

/** Checks one source and asserts the invariants; returns the messages for further checks. */
function checkInvariants(source: SourceFile): void {
  const file = parseFile(source);
  const messages = checkParsed(file, updateIndex(index, [source]), { speller });
  const lineLengths = (file.text || (file.lines.text ?? '')).split('\n').map((l) => l.length);
  for (const m of messages) {
    expect(m.reason, m.reason).not.toMatch(/^Internal error/);
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lineLengths.length);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(lineLengths[m.line - 1]! + 1);
    expect(m.endLine * 1e7 + m.endColumn).toBeGreaterThanOrEqual(m.line * 1e7 + m.column);
    expect(m.endLine).toBeLessThanOrEqual(lineLengths.length);
    for (const e of m.fix ?? []) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(file.text.length);
      expect(e.end).toBeGreaterThanOrEqual(e.start);
    }
  }
}

describe('the fast front-matter path', () => {
  it('builds exactly the tree remark-frontmatter builds, for mutated and random files', () => {
    const same = (text: string) => expect(JSON.parse(JSON.stringify(parseContentTree(text)))).toEqual(JSON.parse(JSON.stringify(parseMarkdown(text))));
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (pick, mutations, eol) => {
        same(mutations.reduce(mutate, files[pick % files.length]!.text).replace(/\n/g, eol));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('---', '--- ', '---\t', '- a', 'a: 1', '', '> q', '# h', '[x]: /y', '```', '    code'), fc.string({ maxLength: 5 })), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        same(lines.join(eol));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the validator never throws', () => {
  it('on real content files with random mutations', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (pick, mutations) => {
        const original = files[pick % files.length]!;
        const text = mutations.reduce(mutate, original.text);
        checkInvariants({ path: original.path, content: text });
      }),
      { numRuns: 300 },
    );
  });

  it('on random front matter (any YAML value) over a real body', () => {
    fc.assert(
      fc.property(fc.nat(), fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: false, withSet: false }), (pick, value) => {
        const original = files[pick % files.length]!;
        let yaml: string;
        try {
          yaml = stringify(value);
        } catch {
          yaml = String(value);
        }
        const body = original.text.replace(/^---\n[\s\S]*?\n---\n/, '');
        checkInvariants({ path: original.path, content: `---\n${yaml}---\n${body}` });
      }),
      { numRuns: 200 },
    );
  });

  it('on random bytes and random text at any content path', () => {
    const paths = ['content/stakeholders/x.md', 'content/glossary/x.md', 'content/pages/x.md', 'content/resources/x.md', 'content/Notes.MD'];
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (path, content) => checkInvariants({ path, content }),
      ),
      { numRuns: 300 },
    );
  });
});
