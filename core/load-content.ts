// Loads a checkout's content the one way every consumer needs it: read, index, parse once, check.
// The site build and `npm start` use it so their messages are exactly those of `npm run check`.
import { checkParsed, checkScope, checkSource, sortMessages } from './check.ts';
import { buildIndex, type ContentIndex } from './content-index.ts';
import { readContentFiles, readProjectWords } from './files.ts';
import { parseFile } from './parse.ts';
import { createSpeller } from './spelling.ts';
import type { Message, ParsedFile, SourceFile } from './types.ts';

export interface LoadedContent {
  /** Every file under content/ as read (records, icons and other assets). */
  sources: SourceFile[];
  index: ContentIndex;
  /** Every markdown file, parsed once (trees and data are reused for rendering). */
  files: ParsedFile[];
  /** All messages of all files, sorted as `npm run check` prints them. */
  messages: Message[];
  /** How many files were checked (markdown, and other files of record folders by name). */
  filesChecked: number;
}

export interface LoadOptions {
  /**
   * Drop what only messages need once the files are checked (YAML documents, value ranges,
   * positions in the markdown trees): a site build of thousands of records keeps far less memory.
   */
  forRendering?: boolean;
}

/** Removes source positions from a markdown tree (in place). */
function dropPositions(node: { position?: unknown; children?: unknown[] }): void {
  delete node.position;
  if (node.children) for (const child of node.children) dropPositions(child as { position?: unknown; children?: unknown[] });
}

/** Reads, parses and checks all of `<root>/content`, as `npm run check` does without arguments. */
export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadedContent> {
  const sources = await readContentFiles(root);
  const index = buildIndex(sources);
  const speller = await createSpeller(await readProjectWords(root));
  const files: ParsedFile[] = [];
  const messages: Message[] = [];
  let filesChecked = 0;
  for (const source of sources) {
    // The same scope as checkSource (and so `npm run check`), keeping the parsed markdown.
    const scope = checkScope(source.path) ?? (source.path.endsWith('.md') ? 'full' : undefined);
    if (!scope) continue;
    filesChecked++;
    if (scope === 'full') {
      const file = parseFile(source);
      files.push(file);
      messages.push(...checkParsed(file, index, { speller }));
      if (options.forRendering) {
        file.yaml = undefined;
        file.ranges = new Map();
        if (file.tree) dropPositions(file.tree);
      }
    } else messages.push(...checkSource(source, index, { speller }));
  }
  return { sources, index, files, messages: sortMessages(messages), filesChecked };
}
