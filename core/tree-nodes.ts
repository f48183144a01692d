// The markdown nodes of a file grouped by type, collected in one walk and cached, so rules that
// look at links, raw HTML, line breaks or blockquotes do not each walk the whole tree.
import type { Nodes } from 'mdast';
import type { ParsedFile } from './types.ts';

type ByType = { [T in Nodes['type']]?: Extract<Nodes, { type: T }>[] };

const cache = new WeakMap<ParsedFile, ByType>();

/** Every node of the given type in the file's markdown tree, in document order. */
export function nodesOfType<T extends Nodes['type']>(file: ParsedFile, type: T): readonly Extract<Nodes, { type: T }>[] {
  let byType = cache.get(file);
  if (!byType) {
    const found: Record<string, Nodes[]> = {};
    const stack: Nodes[] = file.tree ? [file.tree] : [];
    // Depth-first, children pushed in reverse so nodes come out in document order.
    while (stack.length) {
      const node = stack.pop()!;
      (found[node.type] ??= []).push(node);
      if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
    byType = found as ByType;
    cache.set(file, byType);
  }
  return (byType[type] ?? []) as Extract<Nodes, { type: T }>[];
}
