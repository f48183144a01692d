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

/** The rules in groups, in the order the docs list them and the checker runs them. */
export const ruleGroups: readonly { title: string; rules: readonly Rule[] }[] = [
  { title: 'The file itself', rules: [fileEncoding, byteOrderMark, lineEndings, fileName, frontMatter, yamlSyntax, forbiddenKey] },
  {
    title: 'Fields against the content model',
    rules: [unknownKey, requiredKey, emptyValue, wrongType, tooFewItems, allowedValue, keyOrder, workStreamOrder, missingBody],
  },
  {
    title: 'References, links and duplicates across files',
    rules: [unresolvedReference, brokenLink, httpsOnly, duplicateSlug, duplicateTerm, duplicateTitle, duplicateUrl],
  },
  {
    title: 'Text, in fields and bodies',
    rules: [
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
    ],
  },
];

/** Every rule, in the order of ruleGroups. */
export const rules: readonly Rule[] = ruleGroups.flatMap((g) => g.rules);

/** Rules by id. */
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

/** The docs URL of a rule (a section of docs/rules.md in the repository). */
export function ruleDocsPath(id: string): string {
  return `docs/rules.md#${id}`;
}
