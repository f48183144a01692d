// file-encoding: found while parsing (core/parse.ts).
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule(
  'file-encoding',
  'error',
  'Files are UTF-8 text of at most 1 MB, without binary content; symbolic links are not followed.',
  'Save the file as UTF-8 text; keep images and other binary files out of the record folders; replace a link with the file itself.',
);
