// Reads one legacy YAML data file with line numbers, and keeps account of every scalar value:
// each one must be used (it lands in an output file) or reported, or the importer says so.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { nearest } from '../text.ts';
import { htmlToMarkdown, htmlToText, hasEntities, hasHtml, type HtmlOptions } from './legacy-html.ts';
import { quoted, type ImportLog, type Origin } from './import-log.ts';

/** A parsed legacy YAML file and the bookkeeping of its values. */
export class LegacyYaml {
  /** The top-level node, or null when the file is empty or not valid YAML. */
  readonly root: Node | null = null;
  readonly valid: boolean;
  private readonly lines = new LineCounter();
  private readonly doc: Document;
  private readonly accounted = new Set<Node>();

  constructor(
    readonly file: string,
    readonly text: string,
    readonly log: ImportLog,
  ) {
    // YAML 1.1 is what Jekyll's parser (Psych) reads, so values come out as the legacy site saw them.
    this.doc = parseDocument(text, { lineCounter: this.lines, version: '1.1', uniqueKeys: false, prettyErrors: false });
    this.valid = this.doc.errors.length === 0;
    for (const error of this.doc.errors) {
      const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // An unclosed quote is found at the end of the file; point at where the value starts.
      const start = this.valueStartAround(error.pos[0]);
      const where = start !== undefined && this.originAt(start).line !== this.originAt(error.pos[0]).line ? ` in the value that starts at line ${this.originAt(start).line}` : '';
      log.unmapped(this.originAt(error.pos[0]), `invalid YAML (${first}${where}); nothing from this file is imported`);
    }
    if (this.valid) this.root = (this.doc.contents as Node | null) ?? null;
  }

  /** The start of the innermost scalar that spans an offset, if any. */
  private valueStartAround(offset: number): number | undefined {
    let best: number | undefined;
    visit(this.doc, {
      Scalar: (_key, node) => {
        const r = node.range;
        if (r && r[0] <= offset && offset <= r[2] && (best === undefined || r[0] > best)) best = r[0];
      },
    });
    return best;
  }

  /** The place of an offset of the file. */
  originAt(offset: number): Origin {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** The place of a node (its first character). */
  origin(node: Node | Pair | null | undefined, fallback?: Origin): Origin {
    const range = node && 'range' in node ? node.range : undefined;
    if (range) return this.originAt(range[0]);
    if (node && 'key' in node) return this.origin(node.key as Node, fallback);
    return fallback ?? { file: this.file, line: 1, column: 1 };
  }

  /** Every scalar value (not key) under a node, aliases followed. */
  scalars(node: Node | null | undefined): Scalar[] {
    const out: Scalar[] = [];
    const seen = new Set<Node>();
    const walk = (n: Node | null | undefined): void => {
      if (!n || seen.has(n)) return;
      seen.add(n);
      if (isAlias(n)) walk(n.resolve(this.doc) as Node | undefined);
      else if (isScalar(n)) out.push(n);
      else if (isMap(n)) for (const pair of n.items) walk(pair.value as Node | null);
      else if (isSeq(n)) for (const item of n.items) walk(item as Node | null);
    };
    walk(node);
    return out;
  }

  /** Records that the values under a node landed in an output file, and what a reader sees of them. */
  use(node: Node | null | undefined, path: string, shows?: string[], as?: 'icon'): void {
    for (const s of this.scalars(node)) {
      if (this.accounted.has(s)) continue;
      this.accounted.add(s);
      if (s.value === null || s.value === undefined || String(s.value).trim() === '') continue;
      const to = { path, shows: shows ?? [cleanLine(scalarText(s)).text] };
      this.log.value(this.origin(s), scalarText(s), as ? { ...to, as } : to);
    }
  }

  /** Records that the values under a node appear only in the report (the caller has written the entry). */
  reported(node: Node | null | undefined): void {
    for (const s of this.scalars(node)) {
      if (this.accounted.has(s)) continue;
      this.accounted.add(s);
      if (s.value === null || s.value === undefined || String(s.value).trim() === '') continue;
      this.log.value(this.origin(s), scalarText(s), { report: true });
    }
  }

  /** Reports every value no importer accounted for, so nothing is dropped silently. */
  finish(): void {
    if (!this.root) return;
    visit(this.doc, {
      Scalar: (key, node) => {
        if (key === 'key' || this.accounted.has(node)) return;
        if (node.value === null || node.value === undefined || String(node.value).trim() === '') return;
        this.log.unmapped(this.origin(node), `value ${quoted(scalarText(node))} is not imported`);
        this.reported(node);
      },
    });
  }

  /** Follows an alias to the node it names. */
  deref(node: Node | null | undefined): Node | null {
    if (!node) return null;
    return isAlias(node) ? ((node.resolve(this.doc) as Node | undefined) ?? null) : node;
  }
}

/** A scalar's value as text (numbers and dates as written). */
export function scalarText(s: Scalar): string {
  const v = s.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  return s.source !== undefined && typeof s.source === 'string' ? s.source : String(v);
}

/** A short description of a YAML value for report lines. */
export function describe(node: Node | null): string {
  if (!node || (isScalar(node) && (node.value === null || node.value === undefined))) return 'an empty value';
  if (isScalar(node)) return `text ${quoted(scalarText(node))}`;
  if (isSeq(node)) return `a list of ${node.items.length} item${node.items.length === 1 ? '' : 's'}`;
  if (isMap(node)) return `a mapping with keys ${node.items.map((p) => `"${isScalar(p.key) ? String(p.key.value) : '?'}"`).join(', ')}`;
  return 'a value';
}

/** A key of a legacy record, read under the name the importer knows it by. */
export interface Field {
  key: string;
  value: Node | null;
  origin: Origin;
}

/**
 * The fields of a legacy record (a YAML mapping), by their known names. Misspelt keys close to a
 * known one are read as it (and reported); unknown keys and overwritten duplicates are reported.
 */
export function readFields(
  y: LegacyYaml,
  node: Node | null,
  known: readonly string[],
  what: string,
  aliases: Record<string, string> = {},
): Map<string, Field> | undefined {
  const map = y.deref(node);
  if (!isMap(map)) {
    y.log.unmapped(y.origin(map), `${what}: expected a mapping of keys, found ${describe(map)}; not imported`);
    y.reported(map);
    return undefined;
  }
  const present = new Set((map as YAMLMap).items.map((p) => (isScalar(p.key) ? String(p.key.value).trim() : '')));
  const fields = new Map<string, Field>();
  for (const pair of (map as YAMLMap).items) {
    const keyNode = pair.key as Node | null;
    const value = y.deref(pair.value as Node | null);
    const origin = y.origin(keyNode ?? map);
    if (!isScalar(keyNode)) {
      y.log.unmapped(origin, `${what}: a key that is not text; its value (${describe(value)}) is not imported`);
      y.reported(value);
      continue;
    }
    const raw = String(keyNode.value);
    const key = raw.trim();
    if (key !== raw) y.log.changed(origin, `removed spaces around key "${raw}"`);
    let name: string | undefined;
    if (known.includes(key)) name = key;
    else if (aliases[key] && !present.has(aliases[key])) {
      name = aliases[key];
      y.log.changed(origin, `${what}: read "${key}" as "${name}"`);
    } else {
      const guess = nearest(key, known);
      if (guess && !present.has(guess)) {
        name = guess;
        y.log.changed(origin, `${what}: read misspelt key "${key}" as "${guess}"`);
      }
    }
    if (!name) {
      y.log.unmapped(origin, `${what}: unknown key "${key}" (${describe(value)}) is not imported; known keys are ${known.join(', ')}`);
      y.reported(value);
      continue;
    }
    const earlier = fields.get(name);
    if (earlier) {
      // Jekyll keeps the last of two equal keys; say which value it dropped.
      y.log.unmapped(earlier.origin, `${what}: key "${name}" appears again at line ${origin.line}; like Jekyll, the later value is used and this one (${describe(earlier.value)}) is not imported`);
      y.reported(earlier.value);
    }
    fields.set(name, { key: name, value, origin });
  }
  return fields;
}

/** Whether a node is absent or an empty scalar. */
export function isEmpty(node: Node | null | undefined): boolean {
  return !node || (isScalar(node) && (node.value === null || node.value === undefined || String(node.value).trim() === ''));
}

/** A one-line value cleaned for front matter: entities decoded, HTML turned into text, edges trimmed. */
export function cleanLine(raw: string): { text: string; changes: string[]; lost: string[] } {
  const changes: string[] = [];
  const lost: string[] = [];
  let text = raw;
  if (hasHtml(raw) || hasEntities(raw)) {
    const converted = htmlToText(raw);
    text = converted.text;
    for (const issue of converted.issues) (issue.kind === 'changed' ? changes : lost).push(issue.message);
  } else {
    if (/[\u200B-\u200D\u2060\uFEFF]/.test(text)) {
      text = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
      changes.push('removed invisible characters');
    }
    if (/[\r\n]/.test(text.trim())) {
      text = text.replace(/\s*[\r\n]+\s*/g, ' ');
      changes.push('joined lines into one');
    }
    const trimmed = text.trim();
    if (trimmed !== text) changes.push('removed spaces at the start or end');
    text = trimmed;
  }
  return { text, changes, lost };
}

/** The scalar behind a node, or undefined when it is empty or not text (reported as unmapped). */
function textNode(y: LegacyYaml, node: Node | null, what: string): Scalar | undefined {
  const n = y.deref(node);
  if (isEmpty(n)) return undefined;
  if (!isScalar(n)) {
    y.log.unmapped(y.origin(n), `${what}: expected text, found ${describe(n)}; not imported`);
    y.reported(n);
    return undefined;
  }
  return n;
}

/** Reads a one-line text value, logging what cleaning changed; undefined (and reported) when it is not text. */
export function readLine(y: LegacyYaml, node: Node | null, what: string): { text: string; node: Node } | undefined {
  const n = textNode(y, node, what);
  if (!n) return undefined;
  const cleaned = cleanLine(scalarText(n));
  for (const c of cleaned.changes) y.log.changed(y.origin(n), `${what}: ${c}`);
  for (const l of cleaned.lost) y.log.unmapped(y.origin(n), `${what}: ${l}`);
  return { text: cleaned.text, node: n };
}

/** Reads a text value that becomes a markdown body; its HTML is converted and reported. */
export function readMarkdown(y: LegacyYaml, node: Node | null, what: string, options: HtmlOptions = {}): { markdown: string; shows: string[]; node: Node } | undefined {
  const n = textNode(y, node, what);
  if (!n) return undefined;
  const raw = scalarText(n);
  const result = htmlToMarkdown(raw.trim(), options);
  if (hasHtml(raw)) y.log.changed(y.origin(n), `${what}: converted HTML to markdown`);
  for (const issue of result.issues) y.log.add(issue.kind, y.origin(n), `${what}: ${issue.message}`);
  return { markdown: result.markdown, shows: result.blocks.map((b) => b.text), node: n };
}

/**
 * The items of a value expected to be a list. Text or a single mapping becomes a one-item list
 * (reported); an empty value gives no items.
 */
export function readList(y: LegacyYaml, node: Node | null, what: string): Node[] {
  const n = y.deref(node);
  if (isEmpty(n)) return [];
  if (isSeq(n)) {
    const items: Node[] = [];
    for (const item of n.items) {
      const it = y.deref(item as Node | null);
      if (isEmpty(it)) {
        y.log.changed(y.origin(it, y.origin(n)), `${what}: skipped an empty list item`);
        continue;
      }
      items.push(it!);
    }
    return items;
  }
  if (isScalar(n)) y.log.changed(y.origin(n), `${what}: text where a list was expected; kept as a one-item list`);
  else y.log.changed(y.origin(n), `${what}: a single entry where a list was expected; read as a one-item list`);
  return [n!];
}
