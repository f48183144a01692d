// forbidden-key: found while parsing (core/parse.ts).
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule(
  'forbidden-key',
  'error',
  'Keys such as __proto__, constructor and prototype are never accepted.',
  'Remove the key; it is not a field of any content type.',
);
