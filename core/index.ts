// The public entry of core/: the content model, parser, index, rules and message formatting.
// Pure: no network, no environment, no writes; only core/files.ts reads a checkout (read-only).
// bot/, site/ and scripts/ import only this file (as `#core`).
export * from './types.ts';
export * from './schema/index.ts';
export { LineIndex } from './line-index.ts';
export { parseFile, parseMarkdown, parseContentTree, decode, maxFileBytes, messageAt } from './parse.ts';
export { buildIndex, updateIndex, indexEntryOf, type ContentIndex, type IndexEntry } from './content-index.ts';
export { checkBatchSize, checkFiles, checkParsed, checkScope, checkSource, checkSources, sortMessages, type CheckOptions } from './check.ts';
export { rules, ruleGroups, rulesById, ruleDocsPath } from './rules/index.ts';
export type { Rule, RuleContext, Report } from './rule.ts';
export { createSpeller, type Speller } from './spelling.ts';
export { formatMessage, formatSummary, formatHuman, formatJson, formatGithub, countMessages } from './format.ts';
export { applyFixes } from './fix.ts';
export { recordPath, headingId, sectionPaths, normaliseUrl, resolveRelative } from './urls.ts';
export { textSpans, wordsOf, maskChar, hiddenChar, type TextSpan } from './text-spans.ts';
export { fieldStrings, type FieldString } from './field-strings.ts';
export { readContentFiles, readSourceFiles, readProjectWords, parseWordList, projectWordsFile } from './files.ts';
export { renderMarkdown, renderIcon, createGlossaryLinker, firstParagraphText, sortKey, type GlossaryTerm, type PageGlossaryLinker, type RenderOptions } from './render.ts';
export { loadContent, type LoadedContent, type LoadOptions } from './load-content.ts';
export { importLegacy, isLegacyInput, legacyDataFiles, formatImportReport, type ImportResult, type ImportReport, type ImportReportFormat, type ImportEntry, type LegacyValue } from './legacy-import/index.ts';
export { escapeMarkdown } from './escape-markdown.ts';
export { filesReferencingRemoved } from './files-referencing-removed.ts';
export { nearest } from './text.ts';
export { renderRulesDoc, rulesDocCommand } from './rules-doc.ts';
