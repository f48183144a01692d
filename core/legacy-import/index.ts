// The legacy importer: the LER Ecosystem Map v2 Jekyll files in, our content files and a report out.
// Pure: the caller reads the checkout and writes the result (see scripts/import.ts).
import { decode } from '../parse.ts';
import { contentTypeNames, type ContentTypeName } from '../schema/index.ts';
import type { SourceFile } from '../types.ts';
import { ImportContext } from './import-context.ts';
import { ImportLog, type ImportEntry, type LegacyValue } from './import-log.ts';
import { importActionAreas } from './import-action-areas.ts';
import { importGlossary } from './import-glossary.ts';
import { importPages, type LegacyText } from './import-pages.ts';
import { importResources } from './import-resources.ts';
import { importStakeholders } from './import-stakeholders.ts';
import { LegacyYaml } from './legacy-yaml.ts';

export type { ImportEntry, ImportEntryKind, LegacyValue, Destination, Origin } from './import-log.ts';
export { formatImportReport, type ImportReportFormat } from './format-import-report.ts';
export { splitExamples } from './split-examples.ts';
export { htmlToMarkdown, htmlToText } from './legacy-html.ts';
export { splitAcronym, mentionedTerms } from './import-glossary.ts';
export { topicOf, topicRules } from './import-resources.ts';
export { slugify } from './slug.ts';

/** The data files the importer knows, in the order they are read (later ones refer to earlier ones). */
export const legacyDataFiles = [
  '_data/action-items-content.yml',
  '_data/stakeholders-list.yml',
  '_data/glossary-list.yml',
  '_data/resources-list.yml',
  '_data/pagelist.yml',
] as const;

export interface ImportReport {
  /** Records written, per content type (types with none left out), in content-model order. */
  records: Partial<Record<ContentTypeName, number>>;
  /** Legacy files read (paths relative to the checkout). */
  read: string[];
  /** Changes, values not mapped, and notes, sorted by file and line. */
  entries: ImportEntry[];
}

export interface ImportResult {
  /** Content files to write, by repository-relative path (`content/<folder>/<slug>.md`), sorted. */
  files: { path: string; text: string }[];
  report: ImportReport;
  /** Every legacy value and where it went (an output file, or only the report). */
  values: LegacyValue[];
}

/** Which legacy files the importer reads: `_data/*.yml`, `_stakeholders/*.md`, and top-level `*.md`. */
export function isLegacyInput(path: string): boolean {
  return /^_data\/[^/]+\.ya?ml$/.test(path) || /^_stakeholders\/[^/]+\.md$/.test(path) || /^[^/]+\.md$/.test(path);
}

/**
 * Imports a legacy Jekyll checkout. `files` are its `_data/*.yml`, `_stakeholders/*.md` and
 * top-level `*.md` files, with paths relative to the checkout. Never throws on content: every
 * problem, change and value that could not be mapped is in the report with its file and line.
 */
export function importLegacy(files: readonly SourceFile[]): ImportResult {
  const log = new ImportLog();
  const ctx = new ImportContext(log);
  const texts = new Map<string, string>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const decoded = f.unreadable ? { reason: f.unreadable } : decode(f.content);
    if ('text' in decoded) texts.set(f.path, decoded.text.replace(/^\uFEFF/, ''));
    else log.unmapped({ file: f.path, line: 1, column: 1 }, `not imported: ${decoded.reason}`);
  }
  const yaml = (path: string): LegacyYaml | undefined => {
    const text = texts.get(path);
    if (text === undefined) {
      log.note({ file: path, line: 1, column: 1 }, 'missing from the checkout; nothing imported from it');
      return undefined;
    }
    return new LegacyYaml(path, text, log);
  };
  const steps: [string, (y: LegacyYaml, c: ImportContext) => void][] = [
    ['_data/action-items-content.yml', importActionAreas],
    ['_data/stakeholders-list.yml', importStakeholders],
    ['_data/glossary-list.yml', importGlossary],
    ['_data/resources-list.yml', importResources],
  ];
  for (const [path, run] of steps) {
    const y = yaml(path);
    if (!y) continue;
    run(y, ctx);
    y.finish();
  }
  for (const path of texts.keys()) {
    if (path.startsWith('_data/') && !(legacyDataFiles as readonly string[]).includes(path)) {
      log.unmapped({ file: path, line: 1, column: 1 }, `not imported: the importer reads only ${legacyDataFiles.join(', ')}`);
    }
  }
  const pick = (test: (p: string) => boolean): LegacyText[] =>
    [...texts].filter(([p]) => test(p)).map(([path, text]) => ({ path, text }));
  importPages(
    pick((p) => /^[^/]+\.md$/.test(p)),
    pick((p) => /^_stakeholders\/[^/]+\.md$/.test(p)),
    yaml('_data/pagelist.yml'),
    ctx,
  );
  const records: Partial<Record<ContentTypeName, number>> = {};
  for (const type of contentTypeNames) {
    const n = ctx.counts.get(type);
    if (n) records[type] = n;
  }
  const entries = [...log.entries].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
  return {
    files: [...ctx.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, text]) => ({ path, text })),
    report: { records, read: [...texts.keys()], entries },
    values: log.values,
  };
}
