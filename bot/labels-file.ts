// Reads .github/labels.yml (labels as code) as data, with each problem at its line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** Where the repository keeps its labels, relative to the root. */
export const labelsFilePath = '.github/labels.yml';

/** One label as GitHub stores it: colour is six hex digits without `#`. */
export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export interface LabelsFileProblem {
  line: number;
  column: number;
  message: string;
}

const keys = ['name', 'color', 'description'];

/** Parses the labels file; problems are returned, never thrown, and valid entries are kept. */
export function readLabelsFile(text: string): { labels: LabelSpec[]; problems: LabelsFileProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const problems: LabelsFileProblem[] = [];
  const at = (offset: number, message: string) => {
    const { line, col } = lines.linePos(offset);
    problems.push({ line, column: col, message });
  };
  const startOf = (node: Node | null | undefined) => node?.range?.[0] ?? 0;
  for (const error of doc.errors) at(error.pos[0], error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  if (problems.length) return { labels: [], problems };

  const root = doc.contents;
  if (!isSeq(root)) {
    at(startOf(root), 'Unexpected document, expected a list of labels (`- name: …`)');
    return { labels: [], problems };
  }
  const labels: LabelSpec[] = [];
  const seen = new Map<string, number>();
  for (const item of root.items) {
    if (!isMap(item)) {
      at(startOf(item as Node), 'Unexpected list item, expected a label with name, color and description');
      continue;
    }
    const values: Record<string, string> = {};
    let ok = true;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!keys.includes(key)) {
        at(startOf(pair.key as Node), `Unexpected key "${key}", expected one of ${keys.map((k) => `"${k}"`).join(', ')}`);
        ok = false;
        continue;
      }
      if (!isScalar(pair.value) || pair.value.value === null || typeof pair.value.value === 'object') {
        at(startOf((pair.value as Node) ?? (pair.key as Node)), `Unexpected value of "${key}", expected text`);
        ok = false;
        continue;
      }
      // The source text, not the parsed value: YAML reads colours like 5319e7 or 000000 as numbers.
      values[key] = (typeof pair.value.value === 'string' ? pair.value.value : (pair.value.source ?? String(pair.value.value))).trim();
    }
    for (const key of ['name', 'color']) {
      if (values[key] === undefined && ok) {
        at(startOf(item), `Missing key "${key}" in this label`);
        ok = false;
      }
    }
    if (!ok) continue;
    const color = values.color.replace(/^#/, '').toLowerCase();
    const colorNode = item.items.find((p) => isScalar(p.key) && p.key.value === 'color')?.value as Node;
    const nameNode = item.items.find((p) => isScalar(p.key) && p.key.value === 'name')?.value as Node;
    const descriptionNode = item.items.find((p) => isScalar(p.key) && p.key.value === 'description')?.value as Node;
    const description = values.description ?? '';
    // GitHub's limits: names up to 50 characters, descriptions up to 100, colours as hex.
    if (!/^[0-9a-f]{6}$/.test(color)) {
      at(startOf(colorNode), `Unexpected color "${values.color}", expected six hexadecimal digits such as "1d76db"`);
      continue;
    }
    if (!values.name || values.name.length > 50) {
      at(startOf(nameNode), `Unexpected name of ${values.name.length} characters, expected 1 to 50`);
      continue;
    }
    if (description.length > 100) {
      at(startOf(descriptionNode), `Unexpected description of ${description.length} characters, expected at most 100`);
      continue;
    }
    const key = values.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const { line } = lines.linePos(first);
      at(startOf(nameNode), `Unexpected duplicate label "${values.name}", expected each name once (first defined on line ${line})`);
      continue;
    }
    seen.set(key, startOf(nameNode));
    labels.push({ name: values.name, color, description });
  }
  return { labels, problems };
}
