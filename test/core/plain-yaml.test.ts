// The fast front-matter reader (core/plain-yaml.ts) must build exactly the Document the yaml
// library builds — same node classes, values, styles, sources and ranges — or step aside.
// Checked on every real content file, on hand-picked edge cases, and on random YAML-like text.
import fc from 'fast-check';
import { parseDocument, type Document } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile, readContentFiles } from '#core';
import { readPlainYaml } from '../../core/plain-yaml.ts';
import { repo } from './run-check.ts';

/** The options core/parse.ts reads front matter with, and those of the front-matter index. */
const checkOptions = { uniqueKeys: true, prettyErrors: false, strict: true, merge: false } as const;
const indexOptions = { uniqueKeys: false, strict: false, merge: false } as const;

/** Everything observable about a document: every node's class and own properties, recursively. */
function describeNode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(describeNode);
  const out: Record<string, unknown> = { class: value.constructor?.name };
  for (const key of Object.keys(value).sort()) {
    // The schema and directives are the library's shared machinery, compared separately below.
    if (key === 'schema' || key === 'directives' || key === 'options') continue;
    out[key] = describeNode((value as Record<string, unknown>)[key]);
  }
  return out;
}

function describeDocument(doc: Document) {
  const { _directives, ...options } = doc.options as Record<string, unknown>;
  void _directives;
  return {
    tree: describeNode(doc),
    options: Object.fromEntries(Object.entries(options).sort()),
    directives: JSON.stringify(doc.directives),
    data: doc.toJS(),
    text: doc.toString(),
  };
}

/** Reads `text` both ways; returns whether the fast reader took it (and asserts agreement if so). */
function agree(text: string, options: typeof checkOptions | typeof indexOptions = checkOptions): boolean {
  const fast = readPlainYaml(text, options);
  if (!fast) return false;
  const slow = parseDocument(text, options);
  expect(slow.errors, 'the fast reader accepted text the library rejects').toEqual([]);
  expect(slow.warnings).toEqual([]);
  expect(describeDocument(fast)).toEqual(describeDocument(slow));
  return true;
}

let frontMatters: { path: string; yaml: string }[];

beforeAll(async () => {
  const files = await readContentFiles(repo);
  // The YAML text exactly as core/parse.ts hands it to the readers.
  frontMatters = files
    .filter((f) => f.path.endsWith('.md'))
    .map((f) => {
      const first = parseFile(f).tree?.children[0];
      return { path: f.path, yaml: first?.type === 'yaml' ? first.value : '' };
    });
});

describe('readPlainYaml', () => {
  it('reads every front matter of the project content, exactly as the yaml library does', () => {
    expect(frontMatters.length).toBeGreaterThan(100);
    for (const { path, yaml } of frontMatters) {
      expect(agree(yaml), `${path} left the fast path`).toBe(true);
      expect(agree(yaml, indexOptions)).toBe(true);
    }
  });

  it('agrees on the shapes content uses', () => {
    const taken = [
      'name: Employers\norder: 2\n',
      'name: Employers\norder: 2',
      'a:\nb: \nc: d  \n',
      'list:\n  - one\n  - "two, quoted"\n  - \'it\'\'s\'\nnext: x',
      'list:\n- at the same indent\n- as the key\nafter: yes',
      'cases:\n  - title: A\n    description: B\n  -   title: C\n      description: D\n',
      'work_streams:\n  developing:\n    - a\n  issuing:\n    - b\n',
      'n: 0\nm: 007\nf: 3.0\ne: 1e3\nh: 0x1F\no: 0o17\nt: true\nu: null\nv: ~\nw: .inf\nx: 2024-05-01\ny: 1EdTech',
      'url: https://example.org/a#b?c=d\nmail: someone@example.org',
      'text: "Say ‘hello’ — with ünïcödé and emoji 🎓"\ntrail: ends with spaces   ',
      'business case: a key with a space\nhyphen-key: x\nunder_score: y',
      'a:\n  b:\n    c:\n      - d\n',
    ];
    for (const text of taken) expect(agree(text), text).toBe(true);
  });

  it('steps aside for everything else, so the library reads it and reports its errors', () => {
    const declined = [
      '',
      '# a comment\na: b',
      'a: b # a comment',
      'a: b\n\nc: d',
      'a: |\n  block',
      'a: >-\n  folded',
      'a: [1, 2]',
      'a: {b: c}',
      'a: &x b\nc: *x',
      'a: !!str b',
      'a: "escaped \\" quote"',
      'a: "two" "quotes"',
      "a: 'unbalanced ' quote'",
      'a: b: c',
      'a: plain\n  continued on the next line',
      'a: b\na: c',
      'a:\tb',
      'a: b\r\nc: d',
      '---\na: b',
      'a: b\n...',
      '- a\n- b',
      'just text',
      'a:\n  - b\n - c',
      'a:\n    b: c\n  d: e',
      '"quoted key": v',
      'true: v',
      'a: -b',
      'a: ? b',
      'a: `b`',
      'a: @b',
      'a: b\u2028c',
      'a: \u0007',
      'a:\n  -\n  - b',
      'a:\n  - - b',
    ];
    // Nesting deeper than content ever does.
    declined.push(Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' v');
    for (const text of declined) expect(readPlainYaml(text, checkOptions), JSON.stringify(text)).toBeUndefined();
  });

  it('never disagrees with the library on random YAML-like text', () => {
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('name', 'title', 'order', 'a', 'b', 'work_streams', 'business case', 'x-y', '_k') },
      { weight: 1, arbitrary: fc.constantFrom('true', 'null', 'a:b', '"q"', '- k', 'k ', '#k', '') },
    );
    const value = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('plain words', 'Trailing  ', '1', '007', '1.50', '+3', '.5', '0x1F', 'true', 'False', 'NULL', '~', 'yes', '2024-01-31', '1EdTech', 'https://a.org/#x', '"double"', "'single'", "'it''s'", 'a#b', '') },
      { weight: 2, arbitrary: fc.constantFrom('-2', '"with \\"escape\\""', "'bad'quote'", '"open', 'a: b', 'a #b', 'ends:', 'x: ', '[a]', '{a: 1}', '&a x', '*a', '!t x', '|', '>', '`x`', '@x', '%x') },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    );
    // Nested mappings and lists, written out with random indentation choices.
    type Tree = string | { map: [string, Tree][] } | { list: Tree[] };
    const { tree } = fc.letrec<{ tree: Tree; map: Tree; list: Tree }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, value, tie('map'), tie('list')),
      map: fc.record({ map: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }) }),
      list: fc.record({ list: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
    }));
    const write = (t: Tree, indent: number, step: number, sameIndentLists: boolean, out: string[], lead?: string): void => {
      const pad = (n: number) => ' '.repeat(n);
      if (typeof t === 'string') {
        out.push(`${lead ?? pad(indent)}${t}`);
      } else if ('map' in t) {
        t.map.forEach(([k, v], i) => {
          const head = i === 0 && lead !== undefined ? lead : pad(indent);
          if (typeof v === 'string') out.push(`${head}${k}:${v ? ' ' : ''}${v}`);
          else {
            out.push(`${head}${k}:`);
            write(v, 'list' in v && sameIndentLists ? indent : indent + step, step, sameIndentLists, out);
          }
        });
      } else {
        for (const item of t.list) {
          if (typeof item === 'string' || 'map' in item) write(item, indent + 2, step, sameIndentLists, out, `${pad(indent)}- `);
          else {
            out.push(`${pad(indent)}-`);
            write(item, indent + step, step, sameIndentLists, out);
          }
        }
      }
    };
    const document = fc.record({
      map: fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }),
      step: fc.constantFrom(1, 2, 4),
      sameIndentLists: fc.boolean(),
      trailingNewline: fc.boolean(),
    });
    let taken = 0;
    fc.assert(
      fc.property(document, ({ map, step, sameIndentLists, trailingNewline }) => {
        const out: string[] = [];
        write({ map }, 0, step, sameIndentLists, out);
        const input = out.join('\n') + (trailingNewline ? '\n' : '');
        if (agree(input)) taken++;
        agree(input, indexOptions);
      }),
      { numRuns: 3000 },
    );
    // The property only means something if many inputs take the fast path.
    expect(taken).toBeGreaterThan(200);
  });

  it('never disagrees with the library on mutated content front matter', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 6 }), text: fc.oneof(fc.constantFrom(' ', '  ', '\n', '- ', ': ', '"', "'", '#', '1', '\n  ', 'x:'), fc.string({ maxLength: 4 })) });
    let taken = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), (pick, edits) => {
        let text = frontMatters[pick % frontMatters.length]!.yaml;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.text + text.slice(at + e.cut);
        }
        if (agree(text)) taken++;
      }),
      { numRuns: 2000 },
    );
    expect(taken).toBeGreaterThan(500);
  });
});
