// Shared types of the content model: messages, fixes and parsed files. No logic here.
import type { Document } from 'yaml';
import type { Root } from 'mdast';
import type { LineIndex } from './line-index.ts';
import type { ContentTypeName } from './schema/index.ts';

export type Severity = 'error' | 'warning';

/** A replacement of the source text between two offsets (UTF-16 code units). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A place in a file, 1-based line and column. */
export interface Place {
  line: number;
  column: number;
}

/** One problem in one file, printed the same way by the CLI, the bot and the site build. */
export interface Message {
  ruleId: string;
  severity: Severity;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  reason: string;
  /** Values that would be accepted here (for fixes and editors). */
  expected?: string[];
  /** A safe mechanical fix; applying all edits fixes this message. */
  fix?: TextEdit[];
  /** A related place, e.g. where a duplicate was first defined. */
  cause?: { file: string; line: number; column: number; reason: string };
}

/** A file handed to the validator: its path and its raw bytes or text. */
export interface SourceFile {
  path: string;
  content: string | Uint8Array;
  /** Why the file could not be read as content (a symbolic link, too large); reported, not parsed. */
  unreadable?: string;
}

/** Where a front-matter value sits in the file: offsets of its key and of its value. */
export interface ValueRange {
  key?: [number, number];
  value: [number, number];
}

/** A content file parsed once: text, front matter with positions, markdown body. */
export interface ParsedFile {
  path: string;
  /** Content type from the folder, or undefined for files outside the model. */
  type: ContentTypeName | undefined;
  /** The file name without extension. */
  slug: string;
  /** Decoded text (BOM kept out), or '' when the bytes could not be decoded. */
  text: string;
  lines: LineIndex;
  /** Offset of the first character of the YAML inside the file, when there is front matter. */
  yamlStart: number;
  yaml?: Document;
  /** Front matter as plain data (forbidden keys and aliases left out). */
  data?: Record<string, unknown>;
  /** Positions of front-matter values, keyed by dotted path ("work_streams.using.0"). */
  ranges: Map<string, ValueRange>;
  /** The whole file as mdast (the front matter is its first `yaml` node). */
  tree?: Root;
  /** Offset where the markdown body starts. */
  bodyStart: number;
  /** Problems found while parsing (encoding, YAML syntax, forbidden keys). */
  problems: Message[];
}
