// A fast reader for the plain block YAML that content front matter is written in: `key: value`
// lines, nested mappings, `- item` lists, plain and simply quoted one-line values. It builds the
// very Document the yaml library would (same node classes, values, styles and ranges) in a
// fraction of the time, and gives up (returns undefined) on anything else — comments, blank
// lines, multi-line or block values, flow collections, anchors, tags, escapes, duplicate keys,
// odd indentation — so the yaml library parses those and reports their errors. A property test
// (test/core/plain-yaml.test.ts) checks that both readers agree node for node.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

type Range = [number, number, number];
type Options = ParseOptions & DocumentOptions & SchemaOptions;
type Node = Scalar | YAMLMap | YAMLSeq;

/**
 * Characters left to the yaml library: tabs, carriage returns, controls, line and paragraph
 * separators, byte-order marks and non-characters — each has special or error handling there.
 */
const unusualCharacter = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A mapping key as contributors write them: a letter or `_`, then letters, digits, `_`, `-`, inner spaces. */
const plainKey = /^[A-Za-z_](?:[\w -]*\w)?$/;
/** Characters that give a plain value a special meaning when they come first. */
const indicators = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
/** How deep mappings and lists may nest before the reader leaves the text to the library. */
const maxDepth = 16;

/** Thrown inside the reader when the text leaves the plain subset; caught at the top. */
class NotPlain {}
const notPlain = new NotPlain();

/** One line of the text: where it starts and ends, its indentation, and the offset after its line break. */
interface Line {
  start: number;
  end: number;
  next: number;
  indent: number;
}

/** The document of `text` exactly as `parseDocument(text, options)` builds it, or undefined outside the plain subset. */
export function readPlainYaml(text: string, options: Options): Document | undefined {
  if (text.length === 0 || unusualCharacter.test(text)) return undefined;
  const lines: Line[] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    // Blank lines, comments and document markers carry meaning the reader does not model.
    if (start + indent === end || text[start + indent] === '#') return undefined;
    if (indent === 0 && /^(?:---|\.\.\.|%)/.test(text.slice(start, start + 3))) return undefined;
    const next = Math.min(end + 1, text.length);
    lines.push({ start, end, next, indent });
    start = next;
  }
  const doc = new Document(undefined, options);
  const reader = new Reader(text, lines, doc);
  try {
    const [contents, after] = reader.block(0, 0);
    if (after !== lines.length || !(contents instanceof YAMLMap)) return undefined;
    doc.contents = contents;
    const end = (contents.range as Range)[2];
    doc.range = [0, end, end];
    return doc;
  } catch (error) {
    if (error === notPlain) return undefined;
    throw error;
  }
}

class Reader {
  private readonly tags: readonly { default?: boolean | 'key'; test?: RegExp; format?: string; resolve: (...args: never[]) => unknown }[];

  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
    private readonly doc: Document,
  ) {
    this.tags = doc.schema.tags as unknown as Reader['tags'];
  }

  /** The mapping or list that starts at line `i`, whose entries sit at column `column`. Returns it and the next line. */
  block(i: number, column: number, depth = 0): [Node, number] {
    // Content nests a few levels; deeper text is the library's to read (and to limit).
    if (depth > maxDepth) throw notPlain;
    const line = this.lines[i]!;
    const at = line.start + column;
    if (this.isListItem(at, line)) return this.list(i, column, depth);
    if (this.keyEnd(at, line) > 0) return this.map(i, column, depth);
    throw notPlain;
  }

  private isListItem(at: number, line: Line): boolean {
    return this.text.charCodeAt(at) === 45 /* - */ && this.text.charCodeAt(at + 1) === 32 && at + 2 < line.end;
  }

  /** The offset of the `:` ending a plain key at `at` (followed by a space or the line end), or -1. */
  private keyEnd(at: number, line: Line): number {
    // Scanned within the line only: searching the whole text from each line would be quadratic.
    for (let colon = at; colon < line.end; colon++) {
      if (this.text.charCodeAt(colon) !== 58 /* : */) continue;
      if (colon + 1 === line.end || this.text.charCodeAt(colon + 1) === 32) {
        return plainKey.test(this.text.slice(at, colon)) ? colon : -1;
      }
    }
    return -1;
  }

  /** A block mapping with keys at `column`; its first key may follow a `- ` on line `i`. */
  private map(i: number, column: number, depth: number): [YAMLMap, number] {
    const map = new YAMLMap(this.doc.schema);
    const seen = new Set<string>();
    let first = true;
    let end = 0;
    while (i < this.lines.length) {
      const line = this.lines[i]!;
      if (!first) {
        if (line.indent < column) break;
        if (line.indent > column) throw notPlain;
      }
      const at = line.start + column;
      if (!first && this.isListItem(at, line)) throw notPlain;
      const colon = this.keyEnd(at, line);
      if (colon < 0) throw notPlain;
      const name = this.text.slice(at, colon);
      const key = this.scalar(name, true, [at, colon, colon]);
      // A key the schema reads as something else (`true:`, `null:`), or a duplicate, is the library's to report.
      if (typeof key.value !== 'string' || seen.has(name)) throw notPlain;
      seen.add(name);
      let valueStart = colon + 1;
      while (this.text.charCodeAt(valueStart) === 32 && valueStart < line.end) valueStart++;
      let value: Node;
      if (valueStart < line.end) {
        value = this.inline(valueStart, line);
        i++;
      } else {
        const below = this.lines[i + 1];
        if (below && (below.indent > column || (below.indent === column && this.isListItem(below.start + column, below)))) {
          [value, i] = this.block(i + 1, below.indent, depth + 1);
        } else {
          // An empty value is a null at the end of the key's line, as the library places it.
          value = this.scalar('', false, [line.end, line.end, line.end]);
          i++;
        }
      }
      map.items.push(new Pair(key, value));
      end = (value.range as Range)[2];
      first = false;
    }
    map.range = [(map.items[0]!.key as Scalar).range![0], end, end];
    return [map, i];
  }

  /** A block list whose `- ` marks sit at `column`. */
  private list(i: number, column: number, depth: number): [YAMLSeq, number] {
    const seq = new YAMLSeq(this.doc.schema);
    const start = this.lines[i]!.start + column;
    let end = start;
    while (i < this.lines.length) {
      const line = this.lines[i]!;
      if (line.indent < column) break;
      if (line.indent > column) throw notPlain;
      const at = line.start + column;
      if (!this.isListItem(at, line)) break;
      let itemStart = at + 2;
      while (this.text.charCodeAt(itemStart) === 32) itemStart++;
      if (itemStart >= line.end) throw notPlain;
      let item: Node;
      if (this.keyEnd(itemStart, line) > 0) {
        [item, i] = this.map(i, itemStart - line.start, depth + 1);
      } else {
        item = this.inline(itemStart, line);
        i++;
      }
      seq.items.push(item);
      end = (item.range as Range)[2];
    }
    seq.range = [start, end, end];
    return [seq, i];
  }

  /** A one-line value from `at` to the end of `line`, with nothing on deeper lines below it. */
  private inline(at: number, line: Line): Scalar {
    let end = line.end;
    while (this.text.charCodeAt(end - 1) === 32) end--;
    const raw = this.text.slice(at, end);
    const quote = raw[0];
    let scalar: Scalar;
    if (quote === '"' || quote === "'") {
      if (raw.length < 2 || raw[raw.length - 1] !== quote) throw notPlain;
      let inner = raw.slice(1, -1);
      // Escapes (`\"`, `\n`) in double quotes are left to the library; in single quotes `''` is one `'`.
      if (quote === '"' && (inner.includes('"') || inner.includes('\\'))) throw notPlain;
      if (quote === "'") {
        if (inner.replace(/''/g, '').includes("'")) throw notPlain;
        inner = inner.replace(/''/g, "'");
      }
      scalar = new Scalar(inner);
      scalar.range = [at, end, line.next];
      scalar.source = inner;
      scalar.type = quote === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    } else {
      if (indicators.has(quote!) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':')) throw notPlain;
      scalar = this.scalar(raw, false, [at, end, line.next]);
    }
    return scalar;
  }

  /** A plain scalar resolved by the schema's own tags, as the yaml library's composer does it. */
  private scalar(text: string, atKey: boolean, range: Range): Scalar {
    const tag = this.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(text));
    let scalar: Scalar;
    if (tag) {
      let failed = false;
      const resolved = (tag.resolve as (s: string, onError: () => void, o: unknown) => unknown)(text, () => (failed = true), this.doc.options);
      if (failed) throw notPlain;
      scalar = resolved instanceof Scalar ? resolved : new Scalar(resolved);
    } else {
      scalar = new Scalar(text);
    }
    scalar.range = range;
    scalar.source = text;
    scalar.type = Scalar.PLAIN;
    if (tag?.format) scalar.format = tag.format;
    return scalar;
  }
}
