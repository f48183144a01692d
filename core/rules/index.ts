// The list of all rules. Adding a rule: write core/rules/<id>.ts and add it here.
import type { Rule } from '../rule.ts';
import aAn from './a-an.ts';
import acronymExpansion from './acronym-expansion.ts';
import allowedValue from './allowed-value.ts';
import brokenLink from './broken-link.ts';
import byteOrderMark from './byte-order-mark.ts';
import doubleSpace from './double-space.ts';
import duplicateSlug from './duplicate-slug.ts';
import duplicateTerm from './duplicate-term.ts';
import duplicateTitle from './duplicate-title.ts';
import duplicateUrl from './duplicate-url.ts';
import emptyValue from './empty-value.ts';
import fileEncoding from './file-encoding.ts';
import fileName from './file-name.ts';
import forbiddenKey from './forbidden-key.ts';
import frontMatter from './front-matter.ts';
import httpsOnly from './https-only.ts';
import invisibleCharacter from './invisible-character.ts';
import keyOrder from './key-order.ts';
import lineEndings from './line-endings.ts';
import missingBody from './missing-body.ts';
import noHtml from './no-html.ts';
import noHtmlEntity from './no-html-entity.ts';
import placeholderText from './placeholder-text.ts';
import quoteMarks from './quote-marks.ts';
import repeatedWord from './repeated-word.ts';
import requiredKey from './required-key.ts';
import runTogetherWords from './run-together-words.ts';
import spaceAfterPeriod from './space-after-period.ts';
import spelling from './spelling.ts';
import tooFewItems from './too-few-items.ts';
import trailingWhitespace from './trailing-whitespace.ts';
import unknownKey from './unknown-key.ts';
import unresolvedReference from './unresolved-reference.ts';
import workStreamOrder from './work-stream-order.ts';
import wrongType from './wrong-type.ts';
import yamlSyntax from './yaml-syntax.ts';

/** Every rule, grouped as the docs list them: the file, the fields, links and duplicates, the text. */
export const rules: readonly Rule[] = [
  // The file itself.
  fileEncoding,
  byteOrderMark,
  lineEndings,
  fileName,
  frontMatter,
  yamlSyntax,
  forbiddenKey,
  // Fields against the schema.
  unknownKey,
  requiredKey,
  emptyValue,
  wrongType,
  tooFewItems,
  allowedValue,
  keyOrder,
  workStreamOrder,
  missingBody,
  // References, links and duplicates across files.
  unresolvedReference,
  brokenLink,
  httpsOnly,
  duplicateSlug,
  duplicateTerm,
  duplicateTitle,
  duplicateUrl,
  // Text, in fields and bodies.
  noHtml,
  noHtmlEntity,
  invisibleCharacter,
  placeholderText,
  quoteMarks,
  acronymExpansion,
  trailingWhitespace,
  doubleSpace,
  repeatedWord,
  spaceAfterPeriod,
  runTogetherWords,
  aAn,
  spelling,
];

/** Rules by id. */
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

/** The docs URL of a rule (a section of docs/rules.md in the repository). */
export function ruleDocsPath(id: string): string {
  return `docs/rules.md#${id}`;
}
