// work-stream-order: a stakeholder lists the four work streams in their order
// (developing, issuing, using, adopting); presence is required-key's job, duplicates yaml-syntax's.
import { isMap, isScalar } from 'yaml';
import { defineRule } from '../rule.ts';
import { reorderMapEdit } from '../reorder.ts';
import { workStreamSlugs } from '../schema/index.ts';
import { firstOutOfOrder } from '../text.ts';

export default defineRule({
  id: 'work-stream-order',
  severity: 'error',
  description: 'A stakeholder has the four work streams once each, in the order developing, issuing, using, adopting.',
  help: 'Move the work streams so they read developing, issuing, using, adopting (`npm run check -- --fix` does this when it is safe).',
  fixable: true,
  check({ file, report }) {
    if (file.type !== 'stakeholder' || !file.yaml || !isMap(file.yaml.contents)) return;
    const streams = file.yaml.contents.get('work_streams', true);
    if (!isMap(streams)) return;
    const keys = streams.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    const order: readonly string[] = workStreamSlugs;
    const found = firstOutOfOrder(keys, order);
    if (!found) return;
    const keyNode = streams.items[found.at]!.key as { range?: [number, number, number] };
    const range = keyNode.range ?? [0, 0, 0];
    // Only reorder when every key is a work stream: unknown keys are reported first.
    const fix = keys.every((k) => order.includes(k)) ? reorderMapEdit(file, streams, order) : undefined;
    report({
      start: file.yamlStart + range[0],
      end: file.yamlStart + range[1],
      reason: `Unexpected work stream "${keys[found.at]}" after "${found.after}", expected the order ${order.join(', ')}`,
      expected: [...order],
      fix: fix ? [fix] : undefined,
    });
  },
});
