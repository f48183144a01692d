// Reads, indexes and parses a checkout's content for the site, without checking it (the build
// checks it on a worker thread at the same time): the same files and parse as core's loadContent.
import { buildIndex, checkScope, parseFile, readContentFiles, type LoadedContent, type ParsedFile } from '#core';

type TreeNode = { position?: unknown; children?: TreeNode[] };

/** Removes source positions from a markdown tree (in place): rendering never needs them. */
function dropPositions(node: TreeNode): void {
  delete node.position;
  if (node.children) for (const child of node.children) dropPositions(child);
}

/** Content as loadContent(root, { forRendering: true }) returns it, but unchecked: `messages` is empty. */
export async function parseContentForRendering(root: string): Promise<LoadedContent> {
  const sources = await readContentFiles(root);
  const index = buildIndex(sources);
  const files: ParsedFile[] = [];
  let filesChecked = 0;
  for (const source of sources) {
    const scope = checkScope(source.path) ?? (source.path.endsWith('.md') ? 'full' : undefined);
    if (!scope) continue;
    filesChecked++;
    if (scope !== 'full') continue;
    const file = parseFile(source);
    // What only messages need goes at once: thousands of records keep far less memory.
    file.yaml = undefined;
    file.ranges = new Map();
    if (file.tree) dropPositions(file.tree as TreeNode);
    files.push(file);
  }
  return { sources, index, files, messages: [], filesChecked };
}
