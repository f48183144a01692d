// The prose of a file as exact source spans: front-matter prose values and markdown text, one
// line each, with everything that is not prose (markup, code, URLs, quotes, escapes) masked.
// Text rules match on span.text and report at span.start + index, so places and fixes are exact.
import type { Nodes, Parent, Root } from 'mdast';
import { Scalar } from 'yaml';
import { fieldStrings } from './field-strings.ts';
import type { ParsedFile } from './types.ts';

/** Stands in for markup around prose (`**`, `[`, `](/path/)`, quoting, escapes): text on either side still reads on. */
export const maskChar = '\u0001';
/** Stands in for content that is not prose (inline code, raw HTML, images, URLs): it breaks the text. */
export const hiddenChar = '\u0002';

/** One line of prose in the file. `text` has the length of the source between start and end. */
export interface TextSpan {
  start: number;
  end: number;
  /** The source characters, with markup replaced by `maskChar` and non-prose content by `hiddenChar`. */
  text: string;
  /** Where the prose lives: a front-matter value (its dotted path) or the markdown body. */
  in: 'field' | 'body';
  field?: string;
  /** The span's words, filled in on first use by spanWordsOf. */
  words?: Word[];
}

// URLs, e-mail addresses and bare domains inside prose are not words.
// A scheme written on its own ("https://", "mailto:") is a technical token too.
const urlPattern = /\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s\u0001<>"')\]]*[^\s\u0001<>"').,;:!?\]]|\b(?:https?|ftp):\/\/|\bmailto:|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** Containers whose children are phrasing content (text, emphasis, links). */
const phrasingContainers = new Set(['paragraph', 'heading', 'tableCell']);
/** Nodes that hold no prose (code, raw HTML, front matter, link definitions). */
const skipped = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'image', 'imageReference', 'math', 'inlineMath']);

const cache = new WeakMap<ParsedFile, TextSpan[]>();

/** Every line of prose in a file (front matter first, then body), cached per parsed file. */
export function textSpans(file: ParsedFile): readonly TextSpan[] {
  let spans = cache.get(file);
  if (!spans) {
    spans = [...fieldSpans(file), ...bodySpans(file)];
    cache.set(file, spans);
  }
  return spans;
}

/** A source string with every character but line breaks replaced by a mask character. */
function masked(source: string, mask = maskChar): string {
  return source.replace(/[^\n]/g, mask);
}

/** `text` with the characters in the given (sorted, relative) ranges masked, line breaks kept. */
function maskRanges(text: string, ranges: readonly [number, number][]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    if (from < at) continue;
    out += text.slice(at, from) + masked(text.slice(from, to));
    at = to;
  }
  return out + text.slice(at);
}

/** Cuts a masked region into one span per line, leaving out lines with no letters or digits. */
function splitLines(start: number, text: string, out: TextSpan[], where: TextSpan['in'], field: string | undefined, continuation: RegExp): void {
  if (text.includes(':') || text.includes('www.') || text.includes('@')) text = text.replace(urlPattern, (m) => hiddenChar.repeat(m.length));
  let lineStart = 0;
  let first = true;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let line = text.slice(lineStart, lineEnd);
    if (line.endsWith('\r')) line = `${line.slice(0, -1)}${maskChar}`;
    if (!first) {
      const lead = continuation.exec(line)?.[0].length ?? 0;
      if (lead) line = maskChar.repeat(lead) + line.slice(lead);
    }
    if (hasWordCharacter.test(line)) out.push({ start: start + lineStart, end: start + lineEnd, text: line, in: where, field, words: undefined });
    first = false;
    lineStart = lineEnd + 1;
  }
}

const hasWordCharacter = /[\p{L}\p{N}]/u;

function fieldSpans(file: ParsedFile): TextSpan[] {
  const out: TextSpan[] = [];
  for (const field of fieldStrings(file)) {
    if (field.kind !== 'prose') continue;
    const source = file.text.slice(field.innerStart, field.innerEnd);
    const hide: [number, number][] = [];
    if (field.style === Scalar.BLOCK_LITERAL || field.style === Scalar.BLOCK_FOLDED) {
      // The `|` or `>` header line is syntax, not text.
      const nl = source.indexOf('\n');
      hide.push([0, nl < 0 ? source.length : nl]);
    }
    if (field.style === Scalar.QUOTE_DOUBLE && source.includes('\\')) {
      for (const m of source.matchAll(/\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[^\n])?/g)) hide.push([m.index, m.index + m[0].length]);
    }
    if (field.style === Scalar.QUOTE_SINGLE && source.includes("''")) {
      // '' is an escaped single quote: hide the escaping one.
      for (const m of source.matchAll(/''/g)) hide.push([m.index, m.index + 1]);
    }
    splitLines(field.innerStart, maskRanges(source, hide), out, 'field', field.key, /^[ \t]+/);
  }
  return out;
}

/** True for links written as a bare URL (autolinks), whose text is the URL itself. */
function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const child = node.children[0]!;
  if (child.type !== 'text') return false;
  const v = child.value;
  return node.url === v || node.url === `mailto:${v}` || node.url === `http://${v}` || node.url === `https://${v}`;
}

function bodySpans(file: ParsedFile): TextSpan[] {
  const out: TextSpan[] = [];
  const tree = file.tree as Root | undefined;
  if (!tree) return out;
  const text = file.text;
  const container = (node: Parent): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    // Keep the characters of text nodes (inside emphasis and link text too), hide code, HTML,
    // images and bare URLs, and mask the markup in between.
    const pieces: [number, number, 'keep' | 'hide'][] = [];
    const collect = (n: Nodes): void => {
      const s = n.position?.start.offset;
      const e = n.position?.end.offset;
      if (n.type === 'text') {
        if (s !== undefined && e !== undefined) pieces.push([s, e, 'keep']);
      } else if (skipped.has(n.type) || isAutolink(n)) {
        if (s !== undefined && e !== undefined) pieces.push([s, e, 'hide']);
      } else if ('children' in n) {
        for (const c of n.children as Nodes[]) collect(c);
      }
    };
    for (const c of node.children as Nodes[]) collect(c);
    let chars = '';
    let at = start;
    for (const [s, e, what] of pieces) {
      if (s < at) continue;
      chars += masked(text.slice(at, s)) + (what === 'keep' ? text.slice(s, e) : masked(text.slice(s, e), hiddenChar));
      at = e;
    }
    chars += masked(text.slice(at, end));
    // Continuation lines start with indentation or blockquote markers that belong to containers.
    splitLines(start, chars, out, 'body', undefined, /^[ \t>]+/);
  };
  const walk = (node: Nodes): void => {
    if (skipped.has(node.type)) return;
    if (phrasingContainers.has(node.type)) return container(node as Parent);
    if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
  };
  walk(tree);
  return out;
}

/** A word in a span: its characters and offset in span.text. */
export interface Word {
  word: string;
  index: number;
}

const letterOrDigit = /[\p{L}\p{N}]/u;
const wordPart = /[\p{L}\p{N}\p{M}]/u;

/** Word classes of the ASCII code units: 1 starts and continues a word, 2 (') only continues one. */
const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiClass[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : c === 39 ? 2 : 0;

/** The word class of the code unit at `i`: ASCII from a table (almost all text), the rest by Unicode class. */
function wordClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return asciiClass[c]!;
  if (c === 0x2019) return 2;
  const ch = text[i]!;
  if (letterOrDigit.test(ch)) return 1;
  return wordPart.test(ch) ? 2 : 0;
}

/**
 * The words of a span's text: runs of letters and digits with inner apostrophes, possessive
 * endings removed. Hyphens and slashes split words.
 */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (wordClass(text, i) !== 1) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      // ASCII letters and digits inline (most characters), everything else by its class.
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
      const k = wordClass(text, i);
      if (k === 0) break;
      if (k === 2 && (c === 39 || c === 0x2019)) apostrophe = true;
    }
    let word = text.slice(start, i);
    if (apostrophe) word = word.replace(/['’]+$/, '').replace(/['’][sS]$/, '');
    if (word) out.push({ word, index: start });
  }
  return out;
}

/**
 * The words of a span (see wordsOf), computed once per span for all the rules that read them.
 * Kept on the span itself rather than in a WeakMap: a file has dozens of spans, and a WeakMap
 * entry per span made the garbage collector's work grow with every file checked.
 */
export function spanWordsOf(span: TextSpan): readonly Word[] {
  return (span.words ??= wordsOf(span.text));
}

/**
 * True when a word is part of a larger token that is not prose: a file name, domain, path,
 * handle, hashtag or character reference (`employers.svg`, `1EdTech.org`, `@user`, `&amp;`).
 */
export function inToken(text: string, index: number, length: number): boolean {
  const before = text[index - 1];
  const after = text[index + length];
  // After a dot with no space: a file extension (".md"), a domain or a missing space, not a word.
  if (before === '.') return true;
  if (after === '.' && /[\p{L}\p{N}]/u.test(text[index + length + 1] ?? '')) return true;
  if (before === '&' || before === '#' || before === '@' || before === '_' || before === '\\') return true;
  if (after === '_' || after === '@') return true;
  if ((before === '/' || after === '/') && /[\p{Ll}]/u.test(text.slice(index, index + length)) && !/[\p{Lu}]/u.test(text[index] ?? '')) {
    // Paths such as content/stakeholders; but "and/or" is prose and capitalised LER/VC parts are acronyms.
    return !/^(and|or)$/.test(text.slice(index, index + length));
  }
  return false;
}
