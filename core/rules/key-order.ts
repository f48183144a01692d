// key-order: top-level front-matter keys follow the schema's canonical order, so every file of a
// type reads the same way and diffs stay small.
import { isMap, isScalar } from 'yaml';
import { defineRule } from '../rule.ts';
import { reorderMapEdit } from '../reorder.ts';
import { keysOf } from '../schema/index.ts';
import { firstOutOfOrder } from '../text.ts';

export default defineRule({
  id: 'key-order',
  severity: 'warning',
  description: "Top-level front-matter keys are in the content model's order (as in docs/content-model.md).",
  help: 'Move the keys into the order shown in docs/content-model.md; `npm run check -- --fix` does it when it is safe.',
  fixable: true,
  check({ file, report }) {
    if (!file.type || !file.data || !file.yaml || !isMap(file.yaml.contents)) return;
    const map = file.yaml.contents;
    const keys = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    const order = keysOf(file.type);
    const found = firstOutOfOrder(keys, order);
    if (!found) return;
    const range = (map.items[found.at]!.key as { range?: [number, number, number] }).range ?? [0, 0, 0];
    const fix = keys.every((k) => order.includes(k)) ? reorderMapEdit(file, map, order) : undefined;
    const wanted = order.filter((k) => keys.includes(k));
    report({
      start: file.yamlStart + range[0],
      end: file.yamlStart + range[1],
      reason: `Unexpected key "${keys[found.at]}" after "${found.after}", expected the order ${wanted.join(', ')}`,
      expected: wanted,
      fix: fix ? [fix] : undefined,
    });
  },
});
