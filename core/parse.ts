// Parses a content file once: decoding, front matter (YAML with positions) and markdown body.
// Never throws on content: every problem becomes a positioned message.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Alias, type Document, type Node as YamlNode } from 'yaml';
import type { Nodes, Root } from 'mdast';
import { LineIndex } from './line-index.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { typeOfPath } from './schema/index.ts';
import type { Message, ParsedFile, Severity, SourceFile, ValueRange } from './types.ts';

/** Files larger than this are not parsed: content records are a few kilobytes. */
export const maxFileBytes = 1_000_000;

/** Keys that could pollute prototypes when data is copied around; never accepted. */
export const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses markdown (with optional front matter) to mdast, as every part of the project does. */
export function parseMarkdown(text: string): Root {
  return markdown.parse(text) as Root;
}

/**
 * Parses a content file to the same mdast as parseMarkdown, faster: the front matter is cut out
 * by its fences (as remark-frontmatter finds them) and only the body goes through remark, because
 * the YAML is parsed by the YAML parser anyway and tokenizing it as markdown is most of the work
 * for a record file. Anything unusual takes the plain remark path. A property test checks that
 * both give identical trees.
 */
export function parseContentTree(text: string): Root {
  const open = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  // micromark turns NUL into U+FFFD in values; leave such (binary-looking) text to it.
  if (!open || text.includes('\0')) return parseMarkdown(text);
  const valueStart = open[0].length;
  // The closing fence is the first later line that is `---` plus optional spaces or tabs.
  let lineStart = valueStart;
  let lineNumber = 2;
  let closeEnd = -1;
  while (lineStart <= text.length) {
    const eol = nextLineEnd(text, lineStart);
    const line = text.slice(lineStart, eol);
    if (/^---[ \t]*$/.test(line)) {
      closeEnd = eol;
      break;
    }
    if (eol >= text.length) break;
    lineStart = eol + (text[eol] === '\r' && text[eol + 1] === '\n' ? 2 : 1);
    lineNumber++;
  }
  if (closeEnd < 0) return parseMarkdown(text);
  const value = text.slice(valueStart, lineStart).replace(/(\r?\n|\r)$/, '');
  const end = { line: lineNumber, column: closeEnd - lineStart + 1, offset: closeEnd };
  const yaml = { type: 'yaml' as const, value, position: { start: { line: 1, column: 1, offset: 0 }, end } };
  const body = parseMarkdown(text.slice(closeEnd));
  // Body positions are relative to the cut: move them to the whole file.
  const moved = new Set<object>();
  const move = (point: { line: number; column: number; offset?: number }) => {
    if (moved.has(point)) return;
    moved.add(point);
    if (point.line === 1) point.column += end.column - 1;
    point.line += end.line - 1;
    point.offset = (point.offset ?? 0) + closeEnd;
  };
  const walk = (node: Nodes) => {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
  };
  for (const c of body.children) walk(c);
  const bodyEnd = body.position?.end ?? { line: 1, column: 1, offset: 0 };
  move(bodyEnd);
  return { type: 'root', children: [yaml, ...body.children], position: { start: { line: 1, column: 1, offset: 0 }, end: bodyEnd } };
}

/** The offset of the next line ending (\n, \r\n or \r) at or after `from`, or the text length. */
function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Builds a message at offsets of a file. */
export function messageAt(
  file: { path: string; lines: LineIndex },
  ruleId: string,
  severity: Severity,
  start: number,
  end: number,
  reason: string,
  extra: Partial<Message> = {},
): Message {
  const a = file.lines.place(start);
  const b = file.lines.place(Math.max(start, end));
  return {
    ruleId,
    severity,
    file: file.path,
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    reason,
    ...extra,
  };
}

/** Decodes bytes as strict UTF-8; returns a reason when they are not text. */
export function decode(content: string | Uint8Array): { text: string } | { reason: string; offset: number; before?: string } {
  if (typeof content === 'string') {
    const nul = content.indexOf('\0');
    if (nul >= 0) return { reason: 'Unexpected binary file (it contains a NUL character), expected UTF-8 text', offset: nul };
    return { text: content };
  }
  if (content.byteLength > maxFileBytes) {
    return { reason: `Unexpected file of ${content.byteLength} bytes, expected at most ${maxFileBytes} bytes`, offset: 0 };
  }
  const nul = content.indexOf(0);
  if (nul >= 0) return { reason: 'Unexpected binary file (it contains a NUL byte), expected UTF-8 text', offset: 0 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content) };
  } catch {
    // Find the first bad byte so the message can point at it.
    const good = firstInvalidUtf8(content);
    const before = new TextDecoder().decode(content.subarray(0, good));
    return {
      reason: 'Unexpected bytes that are not valid UTF-8, expected UTF-8 text (save the file as UTF-8)',
      offset: before.length,
      before,
    };
  }
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence (one linear scan). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n = 0;
    let min = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (i + n >= bytes.length && n > 0) return i;
    let cp = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (n > 0 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return bytes.length;
}

function emptyFile(path: string, text: string): ParsedFile {
  const slug = (path.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  return {
    path,
    type: typeOfPath(path),
    slug,
    text,
    lines: new LineIndex(text),
    yamlStart: 0,
    ranges: new Map(),
    bodyStart: 0,
    problems: [],
  };
}

/** Parses one content file. The result always exists; problems are in `problems`. */
export function parseFile(source: SourceFile): ParsedFile {
  const decoded = source.unreadable ? { reason: source.unreadable, offset: 0 } : decode(source.content);
  if (!('text' in decoded)) {
    const file = emptyFile(source.path, '');
    // The text stays empty (no other rule reads it), but places are counted in the readable part.
    if ('before' in decoded && decoded.before !== undefined) file.lines = new LineIndex(decoded.before);
    file.problems.push(messageAt(file, 'file-encoding', 'error', decoded.offset, decoded.offset, decoded.reason));
    return file;
  }
  let text = decoded.text;
  if (text.length > maxFileBytes) {
    const file = emptyFile(source.path, '');
    file.problems.push(
      messageAt(file, 'file-encoding', 'error', 0, 0, `Unexpected file of ${text.length} characters, expected at most ${maxFileBytes}`),
    );
    return file;
  }
  // A byte-order mark is invisible in editors; drop it for parsing and report it (fixable).
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  const file = emptyFile(source.path, text);
  if (hadBom) {
    file.problems.push(
      // The parsed text already lacks the mark, so writing it back is the fix.
      messageAt(file, 'byte-order-mark', 'warning', 0, 0, 'Unexpected byte-order mark at the start of the file, expected plain UTF-8', {
        fix: [{ start: 0, end: 0, text: '' }],
      }),
    );
  }

  const tree = parseContentTree(text);
  file.tree = tree;
  const first = tree.children[0];
  if (first?.type !== 'yaml' || first.position?.start.offset !== 0) {
    file.problems.push(
      messageAt(file, 'front-matter', 'error', 0, 0, 'Missing front matter, expected the file to start with a line `---`, the fields, and a closing `---`'),
    );
    return file;
  }
  const startOffset = first.position!.start.offset!;
  const endOffset = first.position!.end.offset!;
  file.yamlStart = text.indexOf('\n', startOffset) + 1;
  file.bodyStart = endOffset;
  const yamlText = first.value;
  parseFrontMatter(file, yamlText);
  return file;
}

const yamlOptions = { uniqueKeys: true, prettyErrors: false, strict: true, merge: false } as const;

/** Parses the YAML between the `---` lines, recording every value's position. */
function parseFrontMatter(file: ParsedFile, yamlText: string): void {
  const base = file.yamlStart;
  let doc: Document;
  try {
    // Most front matter is plain block YAML, which the fast reader builds the same Document for.
    doc = readPlainYaml(yamlText, yamlOptions) ?? parseDocument(yamlText, yamlOptions);
  } catch (error) {
    // The yaml library documents no throws for parseDocument; keep the promise of no crash anyway.
    file.problems.push(messageAt(file, 'yaml-syntax', 'error', base, base, `Unexpected YAML: ${String(error)}`));
    return;
  }
  file.yaml = doc;
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    file.problems.push(messageAt(file, 'yaml-syntax', 'error', base + start, base + end, yamlReason(error.code, error.message)));
  }
  if (doc.errors.length > 0) return;
  const ranges = file.ranges;
  const aliases: Alias[] = [];
  const walk = (node: unknown, path: string, depth: number): unknown => {
    if (depth > 20) return null;
    if (isAlias(node)) {
      // Aliases can expand exponentially (alias bombs) and content never needs them: never
      // expanded, and reported once per file so a bomb does not flood the output either.
      aliases.push(node);
      return null;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
        const keyRange = keyNode?.range ?? node.range ?? [0, 0, 0];
        if (forbiddenKeys.has(key)) {
          file.problems.push(
            messageAt(file, 'forbidden-key', 'error', base + keyRange[0], base + keyRange[1], `Unexpected key "${key}", expected a field of the content model`),
          );
          continue;
        }
        const childPath = path ? `${path}.${key}` : key;
        const valueNode = pair.value as YamlNode | null;
        const valueRange = valueNode?.range ?? [keyRange[1], keyRange[1]];
        ranges.set(childPath, { key: [base + keyRange[0], base + keyRange[1]], value: [base + valueRange[0], base + valueRange[1]] });
        out[key] = walk(valueNode, childPath, depth + 1);
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const childPath = `${path}.${i}`;
        const r = (item as YamlNode | null)?.range ?? node.range ?? [0, 0];
        ranges.set(childPath, { value: [base + r[0], base + r[1]] });
        return walk(item, childPath, depth + 1);
      });
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      if (typeof v === 'bigint') return Number(v);
      return v;
    }
    return null;
  };
  const reportAliases = () => {
    const first = aliases[0];
    if (!first) return;
    const r = first.range ?? [0, 0];
    const more = aliases.length > 1 ? ` (and ${aliases.length - 1} more)` : '';
    file.problems.push(
      messageAt(file, 'yaml-syntax', 'error', base + r[0], base + r[1], `Unexpected YAML alias "*${first.source}"${more}, expected the value written out`),
    );
  };
  const root = doc.contents;
  if (root === null || root === undefined) {
    file.data = {};
    return;
  }
  if (!isMap(root)) {
    const r = (root as YamlNode).range ?? [0, 0];
    file.problems.push(
      messageAt(file, 'yaml-syntax', 'error', base + r[0], base + r[1], 'Unexpected front matter that is not a list of `key: value` lines, expected fields such as `name: ...`'),
    );
    return;
  }
  file.data = walk(root, '', 0) as Record<string, unknown>;
  reportAliases();
}

/** A contributor-friendly reason for a YAML error code. */
function yamlReason(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Unexpected duplicate key, expected each key once (merge the two entries)';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `Unexpected YAML: ${first} (a value containing ": " must be put in double quotes)`;
    case 'TAB_AS_INDENT':
      return 'Unexpected tab used for indentation, expected spaces';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `Unexpected YAML: ${first} (check the indentation and the "- " of list items)`;
    default:
      return `Unexpected YAML: ${first}`;
  }
}
