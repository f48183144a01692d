// file-encoding: found while parsing (core/parse.ts).
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule('file-encoding', 'error', 'Files are UTF-8 text of at most 1 MB, without binary content or a byte-order mark.');
