// byte-order-mark: found while parsing (core/parse.ts); the fix saves the file without it.
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule(
  'byte-order-mark',
  'warning',
  'Files are saved as UTF-8 without a byte-order mark.',
  'Run `npm run check -- --fix`, or save the file as "UTF-8" (not "UTF-8 with BOM") in your editor.',
  true,
);
