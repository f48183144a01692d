// Loads a checkout's content the one way every consumer needs it: read, index, parse once, check.
// The site build and `npm start` use it so their messages are exactly those of `npm run check`.
import { checkScope, checkSources, sortMessages } from './check.ts';
import { buildIndex, type ContentIndex } from './content-index.ts';
import { readContentFiles, readProjectWords } from './files.ts';
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
  // The same files and scopes as `npm run check`; markdown files stay parsed for rendering.
  const targets = sources.filter((source) => checkScope(source.path));
  checkSources(targets, index, { speller }, (file, found) => {
    messages.push(...found);
    if (!file.path.endsWith('.md')) return;
    files.push(file);
    if (options.forRendering) {
      file.yaml = undefined;
      file.ranges = new Map();
      if (file.tree) dropPositions(file.tree);
    }
  });
  const filesChecked = targets.length;
  return { sources, index, files, messages: sortMessages(messages), filesChecked };
}
