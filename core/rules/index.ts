// The list of all rules. Adding a rule: write core/rules/<id>.ts and add it here.
import type { Rule } from '../rule.ts';
import allowedValue from './allowed-value.ts';
import byteOrderMark from './byte-order-mark.ts';
import emptyValue from './empty-value.ts';
import fileEncoding from './file-encoding.ts';
import forbiddenKey from './forbidden-key.ts';
import frontMatter from './front-matter.ts';
import missingBody from './missing-body.ts';
import requiredKey from './required-key.ts';
import tooFewItems from './too-few-items.ts';
import unknownKey from './unknown-key.ts';
import unresolvedReference from './unresolved-reference.ts';
import wrongType from './wrong-type.ts';
import yamlSyntax from './yaml-syntax.ts';

export const rules: readonly Rule[] = [
  fileEncoding,
  byteOrderMark,
  frontMatter,
  yamlSyntax,
  forbiddenKey,
  unknownKey,
  requiredKey,
  emptyValue,
  wrongType,
  tooFewItems,
  allowedValue,
  missingBody,
  unresolvedReference,
];

/** Rules by id. */
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

/** The docs URL of a rule (a section of docs/rules.md in the repository). */
export function ruleDocsPath(id: string): string {
  return `docs/rules.md#${id}`;
}
